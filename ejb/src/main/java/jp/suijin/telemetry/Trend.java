package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Trend data for [from, to): the series in the order asked for, the bucket size and the table the
 * buckets came from.
 */
public record Trend(Instant from, Instant to, Duration bucket, TrendSource source, List<TrendSeries> series)
        implements Serializable {
}
