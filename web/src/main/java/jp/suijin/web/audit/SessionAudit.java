package jp.suijin.web.audit;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;

/**
 * Records the end of every signed-in session as {@code session_expired} (OWASP vocabulary) with
 * why: signed out, ended by the session guard (absolute limit, user disabled, role or password
 * changed), or idle past the timeout (the container ends those, outside any request).
 */
@WebListener
public class SessionAudit implements HttpSessionListener {

    /** The signed-in login ID, kept in the session by the login mechanism. */
    public static final String LOGIN = "suijin.session.login";
    private static final String REASON = "suijin.session.endReason";

    @Inject
    private AuditLog log;

    /** Says why the session is about to be invalidated (otherwise it timed out). */
    public static void ending(HttpSession session, String reason) {
        try {
            session.setAttribute(REASON, reason);
        } catch (IllegalStateException alreadyEnded) {
            // nothing left to record
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        Object login = session.getAttribute(LOGIN);
        if (login instanceof String loginId) {
            Object reason = session.getAttribute(REASON);
            log.event("session_expired", Outcome.OK, loginId, null, "session=" + AccessLog.hash(session.getId()),
                    reason instanceof String r ? r : "idle timeout");
        }
    }
}
