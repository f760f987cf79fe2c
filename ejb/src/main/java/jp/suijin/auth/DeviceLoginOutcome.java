package jp.suijin.auth;

/** The answer to a sign-in from the mobile app. {@code deviceId} is set when signed in. */
public record DeviceLoginOutcome(Status status, String loginId, String role, Long deviceId) {

    public enum Status {
        SIGNED_IN,
        /**
         * Same answer for unknown login, wrong password, locked or disabled account, and for the
         * right password from a new device when every slot is taken (so it tells nothing about the password).
         */
        REFUSED
    }

    public static DeviceLoginOutcome of(Status status) {
        return new DeviceLoginOutcome(status, null, null, null);
    }
}
