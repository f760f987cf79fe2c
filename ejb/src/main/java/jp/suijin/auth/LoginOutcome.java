package jp.suijin.auth;

/**
 * The answer to one sign-in step. Refusals carry no reason on purpose: an unknown login ID, a wrong
 * password, a locked or disabled account all look the same from outside.
 */
public record LoginOutcome(Status status, String loginId, String role, String challengeToken, String maskedEmail) {

    public enum Status {
        /** Signed in: {@code loginId} and {@code role} are set. */
        SIGNED_IN,
        /** Password right, a one-time code was mailed: {@code challengeToken} belongs in this sign-in's session only. */
        CODE_SENT,
        /** The code was wrong; the same challenge may be tried again. */
        WRONG_CODE,
        /** Refused; start again from the password. */
        REFUSED
    }

    public static LoginOutcome signedIn(String loginId, String role) {
        return new LoginOutcome(Status.SIGNED_IN, loginId, role, null, null);
    }

    public static LoginOutcome codeSent(String challengeToken, String maskedEmail) {
        return new LoginOutcome(Status.CODE_SENT, null, null, challengeToken, maskedEmail);
    }

    public static LoginOutcome of(Status status) {
        return new LoginOutcome(status, null, null, null, null);
    }
}
