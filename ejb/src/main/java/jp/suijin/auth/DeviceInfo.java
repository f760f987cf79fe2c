package jp.suijin.auth;

import java.io.Serializable;
import java.time.Instant;
import jp.suijin.persistence.user.MobileDevice;

/** A registered smartphone or tablet, as users and administrators see it. */
public record DeviceInfo(long id, String name, Instant registeredAt, Instant lastUsedAt) implements Serializable {

    public static DeviceInfo of(MobileDevice device) {
        return new DeviceInfo(device.getId(), device.getName(), device.getRegisteredAt(), device.getLastUsedAt());
    }
}
