package jp.suijin.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import jp.suijin.auth.LoginOutcome;
import jp.suijin.auth.LoginService;
import jp.suijin.auth.ResendOutcome;
import jp.suijin.web.Messages;

/** Second sign-in step: the one-time code mailed after a correct password. */
@Named
@RequestScoped
public class OneTimeCodeView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private LoginService logins;

    private String code;

    /** Without a pending challenge in this session there is nothing to enter a code for. */
    public void requireChallenge() throws IOException {
        if (challenge() == null) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + OperatorLoginMechanism.LOGIN_PAGE);
        }
    }

    public void verify() throws IOException {
        LoginOutcome.Status outcome = LoginView.authenticate(faces, securityContext, new OneTimeCodeCredential(
                code == null ? "" : code));
        code = null;
        ExternalContext external = faces.getExternalContext();
        switch (outcome) {
            case SIGNED_IN -> external.redirect(external.getRequestContextPath() + LoginView.landingPage(external));
            case WRONG_CODE -> Messages.error("code.wrong");
            default -> {
                external.getFlash().put("loginMessage", "code.expired");
                external.redirect(external.getRequestContextPath() + OperatorLoginMechanism.LOGIN_PAGE);
            }
        }
    }

    public void resend() throws IOException {
        ResendOutcome outcome = logins.resendCode(challenge());
        if (outcome.expired()) {
            ExternalContext external = faces.getExternalContext();
            external.getFlash().put("loginMessage", "code.expired");
            external.redirect(external.getRequestContextPath() + OperatorLoginMechanism.LOGIN_PAGE);
        } else if (outcome.sent()) {
            Messages.info("code.resent");
        } else {
            Messages.error("code.resendWait", outcome.waitSeconds());
        }
    }

    public String getMaskedEmail() {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        return session == null ? "" : (String) session.getAttribute(OperatorLoginMechanism.MASKED_EMAIL);
    }

    private String challenge() {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        return session == null ? null : (String) session.getAttribute(OperatorLoginMechanism.CHALLENGE);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
