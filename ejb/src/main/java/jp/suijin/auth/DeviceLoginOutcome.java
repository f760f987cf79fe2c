package jp.suijin.auth;

/** The answer to a sign-in from the mobile app. {@code deviceId} is set when signed in. */
public record DeviceLoginOutcome(Status status, String loginId, String role, Long deviceId) {

    public enum Status {
        SIGNED_IN,
        /** Same answer for unknown login, wrong password, locked or disabled account. */
        REFUSED,
        /** The password was right, but the device is new and every slot is taken. */
        DEVICE_SLOTS_FULL
    }

    public static DeviceLoginOutcome of(Status status) {
        return new DeviceLoginOutcome(status, null, null, null);
    }
}
