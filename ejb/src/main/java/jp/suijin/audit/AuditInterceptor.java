package jp.suijin.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBContext;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.suijin.audit.internal.ParameterSummary;

/**
 * Default interceptor of every bean in the EJB module (declared in {@code ejb-jar.xml}, so a new
 * bean cannot forget it): records each business method call with who, from where, what, on which
 * targets, how it ended and how long it took. The record is written in the audit writer's own
 * transaction after the caller's transaction ends (see {@link AuditLog}).
 *
 * <p>Payara checks {@code @RolesAllowed} before interceptors run; calls refused that way are
 * recorded by the web tier as {@code authz_fail} events.
 */
public class AuditInterceptor {

    private static final Map<Method, String> NAMES = new ConcurrentHashMap<>();

    @Resource
    private EJBContext context;

    @Inject
    private AuditLog log;

    @Inject
    private Clock clock;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        if (!AuditSwitch.on()) {
            return call.proceed();
        }
        Instant at = clock.instant();
        long start = System.nanoTime();
        Outcome outcome = Outcome.OK;
        String error = null;
        try {
            return call.proceed();
        } catch (Exception e) {
            outcome = denied(e) ? Outcome.DENIED : Outcome.ERROR;
            error = e.getClass().getName();
            throw e;
        } finally {
            Method method = call.getMethod();
            ParameterSummary summary = ParameterSummary.of(method, call.getParameters());
            AuditContext.Request request = AuditContext.request();
            log.operation(new OperationEntry(at, AuditContext.identifiedOrganisation(), principal(),
                    request == null ? null : request.clientIp(), request == null ? null : request.userAgent(),
                    request == null ? null : request.sessionHash(), operationName(method),
                    method.getDeclaringClass().getSimpleName() + "." + method.getName(), summary.targets(),
                    summary.parameters(), outcome, error, (System.nanoTime() - start) / 1_000_000));
        }
    }

    private String principal() {
        String identified = AuditContext.identifiedPrincipal();
        if (identified != null) {
            return identified;
        }
        Principal p = context.getCallerPrincipal();
        return p == null ? null : p.getName();
    }

    private static boolean denied(Exception e) {
        String name = e.getClass().getSimpleName();
        return e instanceof EJBAccessException || e instanceof SecurityException
                || name.equals("NotSignedInException") || name.endsWith("AuthenticationException");
    }

    /**
     * The stable name of an operation: business interface and method ("userAdministration.createUser"),
     * unchanged when the implementing class is renamed.
     */
    public static String operationName(Method method) {
        return NAMES.computeIfAbsent(method, m -> {
            Class<?> owner = businessInterface(m);
            String type = owner.getSimpleName().replaceFirst("^Default", "");
            return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + m.getName();
        });
    }

    /** The business interface declaring the method, or the bean class for a no-interface view. */
    public static Class<?> businessInterface(Method m) {
        for (Class<?> type = m.getDeclaringClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> i : type.getInterfaces()) {
                try {
                    i.getMethod(m.getName(), m.getParameterTypes());
                    return i;
                } catch (NoSuchMethodException notThere) {
                    // another interface, or the no-interface view
                }
            }
        }
        return m.getDeclaringClass();
    }
}
