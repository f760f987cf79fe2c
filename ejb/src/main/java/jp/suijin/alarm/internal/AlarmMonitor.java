package jp.suijin.alarm.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.auth.Roles;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.resilience.JobRuns;

/**
 * What no sample triggers: on-delays that run out without a further sample, devices that fall silent,
 * escalation of unacknowledged alarms and the flood digests. Every few seconds, each step in its own
 * transaction so one failing step does not hold back the others.
 */
@Singleton
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlarmMonitor {

    private static final Logger LOG = Logger.getLogger(AlarmMonitor.class.getName());

    @Resource
    private UserTransaction transaction;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private AlarmEngine engine;

    @Inject
    private AlarmMail mail;

    @Inject
    private Clock clock;

    @Inject
    private DatabaseOutage outage;

    @Inject
    private JobRuns jobs;

    private final ReentrantLock running = new ReentrantLock();

    /** A step of the round, run in a transaction of its own. */
    private interface Step {
        void run(Instant now) throws Exception;
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    @PermitAll
    public void everyFewSeconds() {
        jobs.ran("alarm monitor");
        // a round still running (a slow database) is not overtaken by the next, and none knocks on an
        // unreachable database (the probe notices its return)
        if (!outage.down() && running.tryLock()) {
            try {
                round();
            } finally {
                running.unlock();
            }
        }
    }

    /** Runs a round now, after one that is running ends (after the service operator moved a test clock). */
    @RolesAllowed(Roles.SERVICE_OPERATOR)
    public void runNow() {
        running.lock();
        try {
            round();
        } finally {
            running.unlock();
        }
    }

    private void round() {
        Instant now = clock.instant();
        step("on-delay", now, engine::expirePending);
        step("communication loss", now, engine::raiseCommLoss);
        step("escalation", now, at -> {
            try (Connection c = dataSource.getConnection()) {
                mail.escalate(c, at);
            }
        });
        step("digest", now, at -> {
            try (Connection c = dataSource.getConnection()) {
                mail.flushDigests(c, at);
            }
        });
    }

    private void step(String name, Instant now, Step step) {
        try {
            transaction.begin();
            step.run(now);
            transaction.commit();
        } catch (Exception e) {
            if (!outage.failed(e)) {
                LOG.log(Level.WARNING, "Alarm " + name + " check failed (tried again in a few seconds): " + e, e);
            }
            try {
                transaction.rollback();
            } catch (Exception ignored) {
                // already rolled back by the failure
            }
        }
    }
}
