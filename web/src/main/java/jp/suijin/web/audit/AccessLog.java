package jp.suijin.web.audit;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import jp.suijin.audit.AccessEntry;
import jp.suijin.audit.AuditContext;
import jp.suijin.audit.AuditLog;

/**
 * The access log: one record for every HTTP request on the operator and device listeners. A
 * request listener, because it sees requests before authentication (the login mechanism's own
 * answers, and refusals by security constraints, never reach a filter) and because the services
 * called while authenticating need {@link AuditContext} already. {@link AccessLogFilter} adds
 * status and bytes for what reaches the application; the mechanism marks its own answers.
 */
@WebListener
public class AccessLog implements ServletRequestListener {

    static final String STARTED = "suijin.access.started";
    static final String STATUS = "suijin.access.status";
    static final String BYTES = "suijin.access.bytes";
    static final String PRINCIPAL = "suijin.access.principal";
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)(.*(password|passwd|token|secret|key|otp|credential|signature)|code|t|sig)");

    @Inject
    private AuditLog log;

    @Inject
    private Clock clock;

    /** Lets the login mechanism report the status of an answer it gives itself. */
    public static void answered(HttpServletRequest request, int status) {
        request.setAttribute(STATUS, status);
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        request.setAttribute(STARTED, new long[] {clock.instant().toEpochMilli(), System.nanoTime()});
        AuditContext.begin(new AuditContext.Request(request.getRemoteAddr(), request.getHeader("User-Agent"),
                sessionHash(request), listener(request)));
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)
                || !(request.getAttribute(STARTED) instanceof long[] started)) {
            return;
        }
        try {
            Object status = request.getAttribute(STATUS);
            Object bytes = request.getAttribute(BYTES);
            String principal = principal(request);
            log.access(new AccessEntry(Instant.ofEpochMilli(started[0]), listener(request),
                    AuditContext.identifiedOrganisation(), principal, request.getRemoteAddr(), request.getMethod(),
                    request.getRequestURI(), redact(request.getQueryString()),
                    status instanceof Integer s ? s : 0, bytes instanceof Long b ? b : 0,
                    (System.nanoTime() - started[1]) / 1_000_000, request.getHeader("User-Agent"), sessionHash(request)));
        } finally {
            AuditContext.end();
        }
    }

    private static String principal(HttpServletRequest request) {
        if (request.getAttribute(PRINCIPAL) instanceof String p) {
            return p;
        }
        String identified = AuditContext.identifiedPrincipal();
        if (identified != null) {
            return identified;
        }
        try {
            Principal p = request.getUserPrincipal();
            return p == null ? null : p.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String listener(HttpServletRequest request) {
        Integer devicePort = Integer.getInteger("suijin.device.port");
        return devicePort != null && request.getLocalPort() == devicePort ? "device" : "operator";
    }

    /** The first 64 bits of SHA-256 of the session id: enough to follow a session, useless to take it over. */
    static String sessionHash(HttpServletRequest request) {
        try {
            HttpSession session = request.getSession(false);
            return session == null ? null : hash(session.getId());
        } catch (IllegalStateException ended) {
            return null;
        }
    }

    static String hash(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query string with the values of secret-looking parameters replaced by ***. */
    static String redact(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            out.append(eq >= 0 && SECRET_PARAMETER.matcher(name).matches() ? name + "=***" : pair);
        }
        return out.toString();
    }
}
