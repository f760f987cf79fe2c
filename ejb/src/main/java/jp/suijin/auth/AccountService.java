package jp.suijin.auth;

import jakarta.ejb.Local;

/** The signed-in user's own account: password and two-step sign-in. */
@Local
public interface AccountService {

    AccountSummary mine();

    /**
     * @throws PasswordRejectedException naming the rule the new password broke, or that the current one was wrong
     */
    void changePassword(char[] current, char[] next);

    void setTwoStepSignIn(boolean enabled);

    /** Whether a session signed in with {@code role} may go on: the user still exists, is enabled and has that role. */
    boolean sessionStillValid(String role);
}
