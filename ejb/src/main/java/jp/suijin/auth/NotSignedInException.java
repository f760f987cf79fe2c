package jp.suijin.auth;

import jakarta.ejb.ApplicationException;

/** The caller is not (or no longer) a signed-in, enabled user; reaches the client as is, rolling back. */
@ApplicationException(rollback = true)
public class NotSignedInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotSignedInException() {
        super("no signed-in user");
    }
}
