package jp.suijin.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.OptionalInt;
import jp.suijin.auth.AccountService;
import jp.suijin.web.audit.SessionAudit;

/**
 * Ends a signed-in page session that must not go on: older than the organisation's absolute limit
 * (default 12 hours, however active), or its user was disabled, removed or given another role since
 * signing in. It also applies the organisation's idle limit (default 30 minutes) to the session.
 */
@WebFilter(filterName = "SessionGuardFilter")
public class SessionGuardFilter extends HttpFilter {

    /** Session attributes the mechanism writes at sign-in. */
    static final String SIGNED_IN_AT = "suijin.session.signedInAt";
    static final String ROLE = "suijin.session.role";
    private static final long serialVersionUID = 1L;

    @Inject
    private AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (request.getUserPrincipal() != null && session != null && !stillValid(session)) {
            SessionAudit.ending(session, "ended by the session guard (time limit, or user disabled or changed)");
            session.invalidate();
            request.logout();
            String login = request.getContextPath() + OperatorLoginMechanism.LOGIN_PAGE + "?ended=1";
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                OperatorLoginMechanism.writeAjaxRedirect(response, login);
            } else {
                response.sendRedirect(login);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(HttpSession session) {
        Instant signedInAt = (Instant) session.getAttribute(SIGNED_IN_AT);
        String role = (String) session.getAttribute(ROLE);
        if (signedInAt == null || role == null) {
            return false;
        }
        OptionalInt idleMinutes = accounts.sessionIdleMinutes(role, signedInAt);
        if (idleMinutes.isEmpty()) {
            return false;
        }
        session.setMaxInactiveInterval(idleMinutes.getAsInt() * 60);
        return true;
    }
}
