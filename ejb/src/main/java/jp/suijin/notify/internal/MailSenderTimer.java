package jp.suijin.notify.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.resilience.JobRuns;

/**
 * The outbox's safety net: every few seconds sends what is due (retries, and mails whose
 * after-commit send never ran, e.g. because the server stopped), so nothing depends on memory; at
 * night purges old sent mails. Started with the application, so a restart resumes at once.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
// MailSender commits row by row on its own connections; a container transaction would only hold them
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSenderTimer {

    private static final Logger LOG = Logger.getLogger(MailSenderTimer.class.getName());

    @Inject
    private MailSender sender;

    @Inject
    private DatabaseOutage outage;

    @Inject
    private JobRuns jobs;

    private final ReentrantLock running = new ReentrantLock();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @PermitAll
    public void everyFewSeconds() {
        jobs.ran("mail outbox");
        // a run still busy with a slow relay is not joined by another on this server
        // nor does it knock on a database that is unreachable (the probe notices its return)
        if (outage.down() || !running.tryLock()) {
            return;
        }
        try {
            sender.sendDue();
        } catch (SQLException e) {
            if (!outage.failed(e)) {
                LOG.warning("Mail outbox could not be read (tried again in a few seconds): " + e);
            }
        } finally {
            running.unlock();
        }
    }

    @Schedule(hour = "3", minute = "50", timezone = "Asia/Tokyo", persistent = false)
    @PermitAll
    public void nightly() {
        try {
            int removed = sender.purge();
            LOG.info(() -> "Mail outbox: " + removed + " sent or failed mail(s) past the audit retention removed");
        } catch (SQLException | IllegalStateException e) {
            LOG.severe("Mail outbox purge failed: " + e.getMessage());
        }
    }
}
