package jp.suijin.telemetry.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import jp.suijin.telemetry.TrendSource;

/**
 * How a trend range is cut into buckets: the smallest round bucket size that keeps the count within
 * what the chart asked for, the table that already holds data at that granularity, and where the
 * buckets start. Buckets are aligned to Japan time (a 6-hour bucket starts at 0, 6, 12 and 18 o'clock
 * JST; a day at JST midnight), so they agree with the hourly and daily statistics.
 */
record TrendPlan(Instant origin, Duration bucket, TrendSource source) {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final long JAPAN_OFFSET_SECONDS = 9 * 3600;
    private static final long DAY = 86_400;
    private static final long[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800,
        21_600, 43_200, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY};

    static TrendPlan of(Instant from, Instant to, int buckets) {
        long range = Duration.between(from, to).toSeconds();
        long wanted = Math.max(1, (range + buckets - 1) / buckets);
        long step = STEPS[STEPS.length - 1];
        for (long candidate : STEPS) {
            if (candidate >= wanted) {
                step = candidate;
                break;
            }
        }
        TrendSource source = step >= DAY ? TrendSource.DAILY : step >= 3600 ? TrendSource.HOURLY : TrendSource.RAW;
        Instant origin;
        if (step > DAY) {
            origin = from.atZone(JAPAN).toLocalDate().atStartOfDay(JAPAN).toInstant();
        } else {
            long seconds = from.getEpochSecond();
            origin = Instant.ofEpochSecond(seconds - Math.floorMod(seconds + JAPAN_OFFSET_SECONDS, step));
        }
        return new TrendPlan(origin, Duration.ofSeconds(step), source);
    }

    /** The start of the bucket with this index. */
    Instant start(long index) {
        return origin.plus(bucket.multipliedBy(index));
    }
}
