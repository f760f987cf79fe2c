package jp.suijin.auth;

/** Where a request came from, as the web tier saw it. */
public record ClientInfo(String ip, String userAgent) {
}
