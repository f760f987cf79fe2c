package jp.suijin.auth;

import java.io.Serializable;
import java.time.Instant;

/** A registered smartphone or tablet, as users and administrators see it. */
public record DeviceInfo(long id, String name, Instant registeredAt, Instant lastUsedAt) implements Serializable {
}
