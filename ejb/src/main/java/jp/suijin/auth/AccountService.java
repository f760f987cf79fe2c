package jp.suijin.auth;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.OptionalInt;

/** The signed-in user's own account: password and two-step sign-in. */
@Local
public interface AccountService {

    AccountSummary mine();

    /**
     * @throws PasswordRejectedException naming the rule the new password broke, or that the current one was wrong
     */
    void changePassword(char[] current, char[] next);

    void setTwoStepSignIn(boolean enabled);

    /**
     * Whether a page session signed in at {@code signedInAt} with {@code role} may go on: the user
     * still exists, is enabled, has that role, and the organisation's absolute limit has not passed.
     * Returns the organisation's idle limit in minutes, or empty if the session must end.
     */
    OptionalInt sessionIdleMinutes(String role, Instant signedInAt);
}
