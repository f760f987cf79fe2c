package jp.suijin.admin;

import java.io.Serializable;
import java.time.Instant;

/** A field device of a facility; its token is never part of it. */
public record DeviceRow(long id, String deviceCode, String name, boolean enabled, Instant lastSeenAt,
        Instant createdAt) implements Serializable {
}
