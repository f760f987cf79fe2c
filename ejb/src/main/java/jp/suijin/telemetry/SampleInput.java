package jp.suijin.telemetry;

/**
 * One sample as a device sent it, before validation. {@code index} is its position in the batch so
 * rejections can point at it; {@code problem} is set when the request parser already found it
 * malformed (e.g. a value that is not a number).
 */
public record SampleInput(int index, String point, String time, Double value, String quality, String problem) {
}
