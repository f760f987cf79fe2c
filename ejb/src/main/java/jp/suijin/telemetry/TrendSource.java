package jp.suijin.telemetry;

/** Where a trend's buckets were computed from. */
public enum TrendSource {
    /** the samples as the devices sent them */
    RAW,
    /** hourly statistics (sample_hourly) */
    HOURLY,
    /** daily statistics of Japan-time days (sample_daily) */
    DAILY
}
