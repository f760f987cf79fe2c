package jp.suijin.auth;

/** Tokens issued to a mobile device: a short-lived access token and a refresh token bound to the device. */
public record MobileSession(String accessToken, String refreshToken, long expiresInSeconds, long deviceId) {
}
