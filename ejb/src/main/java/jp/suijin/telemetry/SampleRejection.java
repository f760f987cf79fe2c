package jp.suijin.telemetry;

/** A sample that was not stored, and why. */
public record SampleRejection(int index, String point, String reason) {
}
