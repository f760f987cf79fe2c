package jp.suijin.auth;

/** Who a valid access token stands for. */
public record MobileCaller(String loginId, String role, long deviceId) {
}
