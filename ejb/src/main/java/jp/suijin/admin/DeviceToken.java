package jp.suijin.admin;

import jp.suijin.audit.Sensitive;

/**
 * A field device's new bearer token, to be shown to the administrator once: only its SHA-256 is
 * stored, so it cannot be shown again. Not serializable, so it never lands in a stored session.
 */
public record DeviceToken(long deviceId, String deviceCode, @Sensitive String token) {

    /** Without the token, should the record ever be logged. */
    @Override
    public String toString() {
        return "DeviceToken[deviceId=" + deviceId + ", deviceCode=" + deviceCode + ", token=***]";
    }
}
