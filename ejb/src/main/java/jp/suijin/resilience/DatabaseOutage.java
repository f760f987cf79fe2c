package jp.suijin.resilience;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the database is reachable. The first failure that is a lost connection starts an outage
 * and logs one WARNING; a probe (every few seconds, {@code DatabaseProbe}) that reaches both pools
 * again ends it with one WARNING naming its length. Background jobs skip their rounds while it lasts,
 * requests get 503: the log holds two lines instead of a stack trace per request and per job round.
 */
@ApplicationScoped
public class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class.getName());
    /** Causes followed at most, against a cause chain that loops. */
    private static final int MAX_CAUSES = 25;

    @Resource(lookup = "jdbc/suijin")
    private DataSource pool;

    @Resource(lookup = "jdbc/suijin-owner")
    private DataSource ownerPool;

    @Inject
    private Clock clock;

    /** When the outage began, or null while the database is reachable. */
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private volatile String lastCause;

    /** Whether {@code t} (or a cause of it) is a connection to the database that could not be made or was lost. */
    public static boolean isOutage(Throwable t) {
        return connectionFault(t) != null;
    }

    private static Throwable connectionFault(Throwable t) {
        for (int i = 0; t != null && i < MAX_CAUSES; t = t.getCause(), i++) {
            // the driver reports a refused or lost socket so (SQL state class 08). Not a socket error alone (a
            // browser that went away fails the same way), nor SQLTransientConnectionException: MariaDB's driver
            // uses it for any SQL state it does not know, e.g. a trigger's SIGNAL
            if (t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reports a failure: if it is a lost database connection, an outage starts (logged once) and
     * true is returned, so the caller logs nothing more of it.
     */
    public boolean failed(Throwable t) {
        Throwable fault = connectionFault(t);
        if (fault == null) {
            return false;
        }
        lastCause = fault.getClass().getSimpleName();
        Instant now = clock.instant();
        if (downSince.compareAndSet(null, now)) {
            LOG.warning(() -> "Database unreachable since " + now + " (" + lastCause + "): requests are answered 503"
                    + " and background jobs wait until it is back");
        }
        return true;
    }

    /** Whether an outage is going on (background jobs skip their rounds meanwhile). */
    public boolean down() {
        return downSince.get() != null;
    }

    /** When the current outage began, or null. */
    public Instant downSince() {
        return downSince.get();
    }

    /** The kind of failure that started the current outage (an exception class name, no details). */
    public String cause() {
        return down() ? lastCause : null;
    }

    /**
     * Runs a real query on both pools; on failure starts an outage, on success ends one.
     *
     * @return null if both answered, else which pool failed and how
     */
    public String probe() {
        String problem = query("jdbc/suijin", pool);
        if (problem == null) {
            problem = query("jdbc/suijin-owner", ownerPool);
        }
        if (problem == null) {
            Instant since = downSince.getAndSet(null);
            if (since != null) {
                Duration length = Duration.between(since, clock.instant());
                LOG.warning(() -> "Database reachable again after " + length.toSeconds() + " s (unreachable since "
                        + since + ")");
            }
        }
        return problem;
    }

    private String query(String name, DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.executeQuery("SELECT 1").close();
            return null;
        } catch (SQLException | RuntimeException e) {
            if (!failed(e)) {
                return name + ": " + e.getClass().getSimpleName();
            }
            return name + ": unreachable (" + lastCause + ")";
        }
    }
}
