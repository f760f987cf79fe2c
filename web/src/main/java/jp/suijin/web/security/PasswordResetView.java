package jp.suijin.web.security;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.suijin.auth.LoginService;
import jp.suijin.auth.PasswordPolicy;
import jp.suijin.auth.PasswordRejectedException;
import jp.suijin.web.Messages;

/** Landing page of a set-password link (new user, or reset by an administrator). */
@Named
@ViewScoped
public class PasswordResetView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private LoginService logins;

    private String token;
    private String password;
    private boolean done;
    private Boolean valid;

    public void check() {
        if (valid == null) {
            valid = logins.isPasswordLinkValid(token);
        }
    }

    public void save() {
        try {
            done = logins.resetPassword(token, password == null ? new char[0] : password.toCharArray());
            valid = done;
        } catch (PasswordRejectedException e) {
            Messages.error("account.password." + e.reason().name(), PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
        } finally {
            password = null;
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isDone() {
        return done;
    }

    public Boolean getValid() {
        return valid;
    }
}
