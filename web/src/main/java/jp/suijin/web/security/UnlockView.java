package jp.suijin.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jp.suijin.auth.LoginService;

/**
 * Landing page of the unlock link. Opening the link only shows a button; the unlock happens on the
 * POST, so mail scanners that fetch links cannot use up the single-use token.
 */
@Named
@RequestScoped
public class UnlockView {

    @Inject
    private LoginService logins;

    private String token;
    private Boolean unlocked;

    public void unlock() {
        unlocked = logins.unlock(token);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    /** Null until the button was pressed; then whether the link was valid. */
    public Boolean getUnlocked() {
        return unlocked;
    }
}
