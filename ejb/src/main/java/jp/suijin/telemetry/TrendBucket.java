package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Instant;

/** The samples of one point within one bucket [start, start + bucket size): never empty. */
public record TrendBucket(Instant start, double min, double max, double mean, long samples) implements Serializable {
}
