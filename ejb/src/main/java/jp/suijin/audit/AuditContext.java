package jp.suijin.audit;

/**
 * Who is calling and from where, for the audit records of the current request: set by the web
 * tier's access-log filter for the length of one HTTP request, read by {@link AuditInterceptor}
 * (local EJB calls run on the request's thread). Services that authenticate a caller the container
 * does not know (a field device) name it with {@link #identify}.
 */
public final class AuditContext {

    private static final ThreadLocal<State> CURRENT = new ThreadLocal<>();

    private AuditContext() {
    }

    /** The request as the listener saw it; {@code listener} is "operator" or "device". */
    public record Request(String clientIp, String userAgent, String sessionHash, String listener) {
    }

    private static final class State {
        private final Request request;
        private String principal;
        private Long organisationId;

        private State(Request request) {
            this.request = request;
        }
    }

    public static void begin(Request request) {
        CURRENT.set(new State(request));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** The current request, or null outside one (timers, startup). */
    public static Request request() {
        State s = CURRENT.get();
        return s == null ? null : s.request;
    }

    /** Names the caller of this request for the records still to be written (e.g. "device:PS01-RTU"). */
    public static void identify(String principal, Long organisationId) {
        State s = CURRENT.get();
        if (s != null) {
            s.principal = principal;
            s.organisationId = organisationId;
        }
    }

    public static String identifiedPrincipal() {
        State s = CURRENT.get();
        return s == null ? null : s.principal;
    }

    public static Long identifiedOrganisation() {
        State s = CURRENT.get();
        return s == null ? null : s.organisationId;
    }
}
