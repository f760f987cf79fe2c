package jp.suijin.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import jp.suijin.audit.internal.AuditWriter;

/**
 * Where every audit record enters the trail. A record made inside a transaction is written when
 * that transaction ends, in the writer's own transaction, with the real ending: a call whose
 * transaction rolls back afterwards is recorded as such, and recorded all the same.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    private AuditWriter writer;

    @Inject
    private Clock clock;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    /** Records a finished business method call (from {@link AuditInterceptor}). */
    public void operation(OperationEntry entry) {
        if (!AuditSwitch.on()) {
            return;
        }
        afterTransaction(entry, true);
    }

    /**
     * Records a security event in the OWASP logging vocabulary ({@code authn_login_fail},
     * {@code authz_fail}, ...) about {@code subject} (a login ID, or null when unknown). The event
     * stands whatever becomes of the transaction it happened in.
     */
    public void event(String name, Outcome outcome, String subject, Long organisationId, String target, String detail) {
        if (!AuditSwitch.on()) {
            return;
        }
        AuditContext.Request request = AuditContext.request();
        OperationEntry entry = new OperationEntry(clock.instant(), organisationId, subject,
                request == null ? null : request.clientIp(), request == null ? null : request.userAgent(),
                request == null ? null : request.sessionHash(), name, null, target, detail, outcome, null, 0);
        afterTransaction(entry, false);
    }

    /** Records one HTTP request (from the web tier's access-log filter); does not wait. */
    public void access(AccessEntry entry) {
        if (!AuditSwitch.on()) {
            return;
        }
        writer.writeAccess(entry);
    }

    /**
     * People's operations are durable before they are answered. Field devices post every few
     * seconds and retry what was not answered, so their records go through the same bounded,
     * flushed-at-shutdown queue as access records without holding each post up.
     */
    private void write(OperationEntry entry) {
        AuditContext.Request request = AuditContext.request();
        writer.writeOperation(entry, request == null || !"device".equals(request.listener()));
    }

    private void afterTransaction(OperationEntry entry, boolean rollbackMatters) {
        int status = transactions.getTransactionKey() == null ? Status.STATUS_NO_TRANSACTION
                : transactions.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int ended) {
                    write(rollbackMatters && ended != Status.STATUS_COMMITTED ? entry.rolledBack() : entry);
                }
            });
        } else if (rollbackMatters && status == Status.STATUS_MARKED_ROLLBACK) {
            write(entry.rolledBack());
        } else {
            write(entry);
        }
    }
}
