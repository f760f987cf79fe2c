package jp.suijin.telemetry.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.resilience.JobRuns;

/**
 * Brings the hourly and daily statistics up to date: takes the hours ingest marked in
 * {@code rollup_pending}, recomputes each from its raw samples (and the sample before it, for
 * counters), then the Japan-time days those hours belong to from their hours. Runs every few
 * seconds, so statistics follow the samples closely without slowing ingest down.
 */
@Singleton
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Rollups {

    private static final Logger LOG = Logger.getLogger(Rollups.class.getName());
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int HOURS_PER_ROUND = 2_000;
    private static final int PERIODS_PER_TRANSACTION = 200;
    /** Failures of one hour before it is set aside, and the pauses between its tries. */
    static final int SET_ASIDE_AFTER = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(10);

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private DatabaseOutage outage;

    @Inject
    private Clock clock;

    @Inject
    private RollupProgress progress;

    @Inject
    private JobRuns jobs;

    private final ReentrantLock running = new ReentrantLock();

    /** A period of one point waiting for its statistics. */
    private record Pending(long point, LocalDateTime start) {
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @PermitAll
    public void everyFewSeconds() {
        jobs.ran("statistics");
        // while the database is unreachable the probe waits for it, not every job on its own
        if (outage.down()) {
            return;
        }
        try {
            catchUp();
        } catch (SQLException e) {
            if (!outage.failed(e)) {
                LOG.warning("Rollups could not be brought up to date (tried again in a few seconds): " + e);
            }
        }
    }

    /** Recomputes every pending hour now; returns how many hours were done. */
    @PermitAll
    public int catchUp() throws SQLException {
        running.lock();
        try {
            int done = 0;
            int round;
            do {
                round = round();
                done += round;
            } while (round == HOURS_PER_ROUND);
            progress.completed(clock.instant());
            return done;
        } finally {
            running.unlock();
        }
    }

    private int round() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<Pending> pending = new ArrayList<>();
            Set<Pending> failedBefore = new HashSet<>();
            // an hour that failed waits for its retry time, and one set aside waits for a service operator
            try (PreparedStatement q = c.prepareStatement("SELECT p.point_id, p.hour_start, f.point_id IS NOT NULL"
                    + " FROM rollup_pending p LEFT JOIN rollup_failure f ON f.point_id = p.point_id"
                    + " AND f.hour_start = p.hour_start WHERE f.point_id IS NULL OR (f.set_aside_at IS NULL"
                    + " AND f.retry_at <= ?) ORDER BY p.point_id, p.hour_start LIMIT " + HOURS_PER_ROUND)) {
                q.setObject(1, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        Pending p = new Pending(r.getLong(1), r.getObject(2, LocalDateTime.class));
                        pending.add(p);
                        if (r.getBoolean(3)) {
                            failedBefore.add(p);
                        }
                    }
                }
            }
            for (int from = 0; from < pending.size(); from += PERIODS_PER_TRANSACTION) {
                List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + PERIODS_PER_TRANSACTION));
                List<Pending> hours = computeHours(c, chunk);
                List<Pending> recovered = hours.stream().filter(failedBefore::contains).toList();
                if (!recovered.isEmpty()) {
                    inTransaction(c, () -> {
                        try (PreparedStatement d = c.prepareStatement(
                                "DELETE FROM rollup_failure WHERE point_id = ? AND hour_start = ?")) {
                            for (Pending p : recovered) {
                                d.setLong(1, p.point());
                                d.setObject(2, p.start());
                                d.addBatch();
                            }
                            d.executeBatch();
                        }
                    });
                }
                Set<Pending> days = new LinkedHashSet<>();
                hours.forEach(p -> days.add(new Pending(p.point(), dayStart(p.start()))));
                inTransaction(c, () -> {
                    for (Pending d : days) {
                        day(c, d.point(), d.start());
                    }
                });
            }
            return pending.size();
        }
    }

    /**
     * Computes the chunk's hours in one transaction; if that fails for anything but a lost database,
     * each hour on its own, so one hour that cannot be computed costs only itself. Returns the hours done.
     */
    private List<Pending> computeHours(Connection c, List<Pending> chunk) throws SQLException {
        try {
            inTransaction(c, () -> takeAndCompute(c, chunk));
            return chunk;
        } catch (SQLException | RuntimeException e) {
            if (DatabaseOutage.isOutage(e)) {
                throw e;
            }
        }
        List<Pending> done = new ArrayList<>();
        for (Pending p : chunk) {
            try {
                inTransaction(c, () -> takeAndCompute(c, List.of(p)));
                done.add(p);
            } catch (SQLException | RuntimeException e) {
                if (DatabaseOutage.isOutage(e)) {
                    throw e;
                }
                // a deadlock or lock wait with ingest is no fault of the hour: its mark stays for the next round
                if (!DefaultIngestService.conflict(e)) {
                    failed(c, p, e);
                }
            }
        }
        return done;
    }

    private static void takeAndCompute(Connection c, List<Pending> hours) throws SQLException {
        // every mark of the chunk is taken before any sample is read: the reads' snapshot then
        // holds what those marks stood for, and samples arriving meanwhile mark the hour again
        try (PreparedStatement take = c.prepareStatement(
                "DELETE FROM rollup_pending WHERE point_id = ? AND hour_start = ?")) {
            for (Pending p : hours) {
                take.setLong(1, p.point());
                take.setObject(2, p.start());
                take.addBatch();
            }
            take.executeBatch();
        }
        for (Pending p : hours) {
            hour(c, p.point(), p.start());
        }
    }

    /**
     * Counts a failure of one hour: tried again after a pause that doubles from {@link #FIRST_RETRY} up to
     * {@link #LONGEST_RETRY}, set aside after {@link #SET_ASIDE_AFTER} failures (logged once, then only
     * shown on the service operators' page and in health until someone retries it).
     */
    private void failed(Connection c, Pending p, Exception e) throws SQLException {
        String error = (e.getClass().getSimpleName() + ": " + e.getMessage()).strip();
        String cut = error.length() > 500 ? error.substring(0, 500) : error;
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int[] failures = {0};
        inTransaction(c, () -> {
            try (PreparedStatement q = c.prepareStatement("SELECT failures FROM rollup_failure WHERE point_id = ?"
                    + " AND hour_start = ? FOR UPDATE")) {
                q.setLong(1, p.point());
                q.setObject(2, p.start());
                try (ResultSet r = q.executeQuery()) {
                    failures[0] = (r.next() ? r.getInt(1) : 0) + 1;
                }
            }
            boolean setAside = failures[0] >= SET_ASIDE_AFTER;
            long pause = FIRST_RETRY.getSeconds() << Math.min(failures[0] - 1, 20);
            LocalDateTime retry = setAside ? null : now.plusSeconds(Math.min(pause, LONGEST_RETRY.getSeconds()));
            try (PreparedStatement u = c.prepareStatement("INSERT INTO rollup_failure (point_id, hour_start, failures,"
                    + " first_failed_at, last_failed_at, retry_at, set_aside_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE failures = VALUES(failures), last_failed_at = VALUES(last_failed_at),"
                    + " retry_at = VALUES(retry_at), set_aside_at = VALUES(set_aside_at), last_error = VALUES(last_error)")) {
                u.setLong(1, p.point());
                u.setObject(2, p.start());
                u.setInt(3, failures[0]);
                u.setObject(4, now);
                u.setObject(5, now);
                u.setObject(6, retry);
                u.setObject(7, setAside ? now : null);
                u.setString(8, cut);
                u.executeUpdate();
            }
        });
        if (failures[0] == SET_ASIDE_AFTER) {
            LOG.warning(() -> "Statistics of measurement point " + p.point() + " for the hour " + p.start()
                    + " UTC set aside after " + SET_ASIDE_AFTER + " failures (" + cut + "); every other hour goes on."
                    + " Retry it on the service operators' health page once the cause is removed.");
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    /**
     * A few hundred hours per transaction: a commit per hour doubled the commits of a busy ingest, while
     * one for a whole round would hold ingest's marks locked for seconds.
     */
    private static void inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void hour(Connection c, long point, LocalDateTime start) throws SQLException {
        boolean counter = false;
        Double rollover = null;
        try (PreparedStatement q = c.prepareStatement("SELECT kind, range_high FROM measurement_point WHERE id = ?")) {
            q.setLong(1, point);
            try (ResultSet r = q.executeQuery()) {
                if (r.next() && "COUNTER".equals(r.getString(1))) {
                    counter = true;
                    double high = r.getDouble(2);
                    rollover = r.wasNull() ? null : high;
                }
            }
        }
        // only a counter's increase starts before the hour (ingest marks the following hour only for counters)
        Double previous = null;
        if (counter) {
            try (PreparedStatement q = c.prepareStatement("SELECT value FROM sample WHERE point_id = ? AND sample_time < ?"
                    + " ORDER BY sample_time DESC LIMIT 1")) {
                q.setLong(1, point);
                q.setObject(2, start);
                try (ResultSet r = q.executeQuery()) {
                    previous = r.next() ? r.getDouble(1) : null;
                }
            }
        }
        List<Double> values = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM sample WHERE point_id = ? AND sample_time >= ?"
                + " AND sample_time < ? ORDER BY sample_time")) {
            q.setLong(1, point);
            q.setObject(2, start);
            q.setObject(3, start.plusHours(1));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    values.add(r.getDouble(1));
                }
            }
        }
        if (values.isEmpty()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM sample_hourly WHERE point_id = ? AND hour_start = ?")) {
                d.setLong(1, point);
                d.setObject(2, start);
                d.executeUpdate();
            }
            return;
        }
        upsert(c, "sample_hourly", "hour_start", point, start, RollupStats.of(previous, values, rollover));
    }

    private static void day(Connection c, long point, LocalDateTime start) throws SQLException {
        List<RollupStats> hours = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT samples, min_value, max_value, sum_value, first_value,"
                + " last_value, delta_value FROM sample_hourly WHERE point_id = ? AND hour_start >= ? AND hour_start < ?"
                + " ORDER BY hour_start")) {
            q.setLong(1, point);
            q.setObject(2, start);
            q.setObject(3, start.plusDays(1));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    hours.add(new RollupStats(r.getInt(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                            r.getDouble(6), r.getDouble(7)));
                }
            }
        }
        if (hours.isEmpty()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM sample_daily WHERE point_id = ? AND day_start = ?")) {
                d.setLong(1, point);
                d.setObject(2, start);
                d.executeUpdate();
            }
            return;
        }
        upsert(c, "sample_daily", "day_start", point, start, RollupStats.combine(hours));
    }

    private static void upsert(Connection c, String table, String column, long point, LocalDateTime start,
            RollupStats computed) throws SQLException {
        RollupStats s = computed;
        if (!computed.finite()) {
            // an SQL error here would fail the whole chunk again on every round
            LOG.warning(() -> table + " of point " + point + " from " + start + " UTC is not finite (" + computed
                    + "); stored with the largest finite values instead");
            s = computed.clamped();
        }
        try (PreparedStatement u = c.prepareStatement("INSERT INTO " + table + " (point_id, " + column + ", samples,"
                + " min_value, max_value, sum_value, first_value, last_value, delta_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE samples = VALUES(samples), min_value = VALUES(min_value),"
                + " max_value = VALUES(max_value), sum_value = VALUES(sum_value), first_value = VALUES(first_value),"
                + " last_value = VALUES(last_value), delta_value = VALUES(delta_value)")) {
            u.setLong(1, point);
            u.setObject(2, start);
            u.setInt(3, s.samples());
            u.setDouble(4, s.min());
            u.setDouble(5, s.max());
            u.setDouble(6, s.sum());
            u.setDouble(7, s.first());
            u.setDouble(8, s.last());
            u.setDouble(9, s.delta());
            u.executeUpdate();
        }
    }

    /** The UTC start of the Japan-time day an hour (UTC) belongs to. */
    static LocalDateTime dayStart(LocalDateTime utcHour) {
        LocalDate day = utcHour.atOffset(ZoneOffset.UTC).atZoneSameInstant(JAPAN).toLocalDate();
        return day.atStartOfDay(JAPAN).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }
}
