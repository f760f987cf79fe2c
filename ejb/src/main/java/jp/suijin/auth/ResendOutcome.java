package jp.suijin.auth;

/** Whether a new one-time code was sent, or how many seconds to wait; {@code expired} if the sign-in must start over. */
public record ResendOutcome(boolean sent, long waitSeconds, boolean expired) {
}
