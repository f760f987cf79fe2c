package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import jp.suijin.telemetry.TrendSource;
import org.junit.jupiter.api.Test;

class TrendPlanTest {

    // 2026-11-28 10:17:23 JST
    private static final Instant FROM = Instant.parse("2026-11-28T01:17:23Z");

    @Test
    void shortRangesReadRawSamplesInRoundBuckets() {
        TrendPlan day = TrendPlan.of(FROM, FROM.plus(Duration.ofDays(1)), 1000);
        assertEquals(TrendSource.RAW, day.source());
        assertEquals(Duration.ofMinutes(2), day.bucket());
        assertEquals(Instant.parse("2026-11-28T01:16:00Z"), day.origin());
    }

    @Test
    void monthsReadHourlyStatisticsAlignedToJapanTime() {
        TrendPlan month = TrendPlan.of(FROM, FROM.plus(Duration.ofDays(30)), 1000);
        assertEquals(TrendSource.HOURLY, month.source());
        assertEquals(Duration.ofHours(1), month.bucket());

        TrendPlan year = TrendPlan.of(FROM, FROM.plus(Duration.ofDays(365)), 1000);
        assertEquals(TrendSource.HOURLY, year.source());
        assertEquals(Duration.ofHours(12), year.bucket());
        // 12-hour buckets start at 00:00 or 12:00 Japan time: 10:17 JST falls in the one from 00:00 JST
        assertEquals(Instant.parse("2026-11-27T15:00:00Z"), year.origin());
        assertEquals(Instant.parse("2026-11-28T03:00:00Z"), year.start(1));
    }

    @Test
    void fewBucketsOverAYearReadDailyStatisticsFromJapanMidnight() {
        TrendPlan year = TrendPlan.of(FROM, FROM.plus(Duration.ofDays(365)), 100);
        assertEquals(TrendSource.DAILY, year.source());
        assertEquals(Duration.ofDays(7), year.bucket());
        assertEquals(Instant.parse("2026-11-27T15:00:00Z"), year.origin());
    }
}
