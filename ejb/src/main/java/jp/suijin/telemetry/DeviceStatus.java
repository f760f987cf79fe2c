package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Instant;

/** A field device of a facility as operators see it: when it last reported, and whether that is recent. */
public record DeviceStatus(String code, String name, Instant lastSeen, boolean communicationOk) implements Serializable {
}
