package jp.suijin.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import jp.suijin.web.audit.SessionAudit;

/** The signed-in user shown in the page header, and sign-out. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    public String getLoginId() {
        return securityContext.getCallerPrincipal() == null ? "" : securityContext.getCallerPrincipal().getName();
    }

    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            SessionAudit.ending(request.getSession(false), "signed out");
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
    }
}
