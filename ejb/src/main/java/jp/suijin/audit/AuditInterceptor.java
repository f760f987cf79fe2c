package jp.suijin.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Default interceptor of every bean in this module (declared in {@code ejb-jar.xml}, so a new bean
 * cannot forget it). For now it logs refused calls and, at FINE, every call; the audit trail with
 * its own transaction and hash chain is built on this seam.
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
        } catch (EJBAccessException e) {
            outcome = "DENIED";
            throw e;
        } catch (Exception e) {
            outcome = "ERROR " + e.getClass().getName();
            throw e;
        } finally {
            String op = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
            Level level = outcome.equals("DENIED") ? Level.WARNING : Level.FINE;
            if (LOG.isLoggable(level)) {
                String who = context.getCallerPrincipal() == null ? "-" : context.getCallerPrincipal().getName();
                LOG.log(level, "{0} by {1}: {2} in {3} ms",
                        new Object[] {op, who, outcome, (System.nanoTime() - start) / 1_000_000});
            }
        }
    }
}
