package jp.suijin.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.suijin.auth.LoginOutcome;
import jp.suijin.auth.Roles;
import jp.suijin.web.Messages;

/** First sign-in step: login ID and password. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    private String loginId;
    private String password;

    public void login() throws IOException {
        LoginOutcome.Status outcome = authenticate(faces, securityContext, new UsernamePasswordCredential(
                loginId == null ? "" : loginId, new Password(password == null ? "" : password)));
        password = null;
        ExternalContext external = faces.getExternalContext();
        if (outcome == LoginOutcome.Status.SIGNED_IN) {
            external.redirect(external.getRequestContextPath() + landingPage(external));
        } else if (outcome == LoginOutcome.Status.CODE_SENT) {
            external.redirect(external.getRequestContextPath() + "/login-code.xhtml");
        } else {
            Messages.error("login.failed");
        }
    }

    /**
     * Where a signed-in user starts: the dashboard, or for a service operator, who belongs to no
     * organisation and so has no dashboard, the service pages.
     */
    static String landingPage(ExternalContext external) {
        return external.isUserInRole(Roles.SERVICE_OPERATOR) ? "/app/service/mail-dns.xhtml" : "/app/dashboard.xhtml";
    }

    /**
     * Hands a credential to the container's mechanism in a fresh session id (a session id known
     * before sign-in must not stay valid after it) and tells how it went.
     */
    static LoginOutcome.Status authenticate(FacesContext faces, SecurityContext securityContext, Credential credential) {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential));
        if (status == AuthenticationStatus.SUCCESS) {
            return LoginOutcome.Status.SIGNED_IN;
        }
        Object outcome = request.getAttribute(OperatorLoginMechanism.OUTCOME);
        return outcome instanceof LoginOutcome.Status s ? s : LoginOutcome.Status.REFUSED;
    }

    public String getLoginId() {
        return loginId;
    }

    public void setLoginId(String loginId) {
        this.loginId = loginId;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
