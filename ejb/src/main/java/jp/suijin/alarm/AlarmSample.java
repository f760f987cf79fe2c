package jp.suijin.alarm;

import java.time.Instant;

/** A stored sample as alarm evaluation sees it; samples of bad quality raise and clear nothing. */
public record AlarmSample(long pointId, Instant time, double value, boolean bad) {
}
