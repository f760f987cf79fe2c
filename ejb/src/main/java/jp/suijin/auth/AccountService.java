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
}
