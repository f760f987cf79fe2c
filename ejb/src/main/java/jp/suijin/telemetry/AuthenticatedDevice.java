package jp.suijin.telemetry;

/** The field device a bearer token belongs to, found before its request body is read. */
public record AuthenticatedDevice(long id, String code) {
}
