package jp.suijin.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Default interceptor of every bean in this module (declared in {@code ejb-jar.xml}, so a new bean
 * cannot forget it). For now it logs, at FINE, every call and its outcome; the audit trail with its
 * own transaction and hash chain is built on this seam. Payara checks {@code @RolesAllowed} before
 * interceptors run, so calls refused that way never get here: the audit trail must record those
 * where they surface (web and API layers).
 */
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

    @Resource
    private EJBContext context;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        long start = System.nanoTime();
        String outcome = "OK";
        try {
            return call.proceed();
        } catch (Exception e) {
            outcome = "ERROR " + e.getClass().getName();
            throw e;
        } finally {
            String op = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
            if (LOG.isLoggable(Level.FINE)) {
                String who = context.getCallerPrincipal() == null ? "-" : context.getCallerPrincipal().getName();
                LOG.log(Level.FINE, "{0} by {1}: {2} in {3} ms",
                        new Object[] {op, who, outcome, (System.nanoTime() - start) / 1_000_000});
            }
        }
    }
}
