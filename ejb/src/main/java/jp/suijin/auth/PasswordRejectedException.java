package jp.suijin.auth;

import jakarta.ejb.ApplicationException;

/** A password change that was refused, and why; the message never contains the password. */
@ApplicationException(rollback = true)
public class PasswordRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The rule a new password broke, or WRONG_CURRENT when the current password did not match. */
    public enum Reason {
        WRONG_CURRENT,
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        CONTAINS_LOGIN_ID
    }

    private final Reason reason;

    public PasswordRejectedException(Reason reason) {
        super("password rejected: " + reason, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
