package jp.suijin.auth;

import jakarta.ejb.Local;

/** The signed-in user's own account: password and two-step sign-in. */
@Local
public interface AccountService {

    AccountSummary mine();

    /**
     * A wrong current password counts toward the lockout. The change ends the user's other
     * sessions and device tokens and is mailed to them.
     *
     * @throws PasswordRejectedException naming the rule the new password broke, or that the current one was wrong
     */
    void changePassword(char[] current, char[] next);

    /**
     * Switching two-step sign-in off needs the current password (a wrong one counts toward the
     * lockout) and is mailed to the user.
     *
     * @throws PasswordRejectedException WRONG_CURRENT
     */
    void setTwoStepSignIn(boolean enabled, char[] currentPassword);
}
