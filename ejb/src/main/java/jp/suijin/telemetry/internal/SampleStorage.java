package jp.suijin.telemetry.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.Roles;
import jp.suijin.schema.MonthlyPartitions;

/**
 * Keeps the raw sample table in monthly partitions, {@value #MONTHS_AHEAD} months ahead, and every
 * night, as the schema owner, drops the months wholly older than the raw retention (system property
 * {@value #RETENTION_PROPERTY}, default {@value #DEFAULT_RETENTION_DAYS} days) and deletes hourly and
 * daily statistics older than theirs ({@value #ROLLUP_RETENTION_PROPERTY}, default
 * {@value #DEFAULT_ROLLUP_RETENTION_DAYS} days, never less than the raw retention).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SampleStorage {

    public static final String RETENTION_PROPERTY = "suijin.telemetry.raw-retention-days";
    static final int DEFAULT_RETENTION_DAYS = 730;
    /** A year at least: trends of the past year and late corrections read the raw samples. */
    static final int MINIMUM_RETENTION_DAYS = 366;
    public static final String ROLLUP_RETENTION_PROPERTY = "suijin.telemetry.rollup-retention-days";
    static final int DEFAULT_ROLLUP_RETENTION_DAYS = 3653;
    /** Statistics go in short transactions, so trends and reports are never held up by the purge. */
    private static final int DELETE_CHUNK = 10_000;
    private static final int MONTHS_AHEAD = 3;
    private static final Logger LOG = Logger.getLogger(SampleStorage.class.getName());

    @Resource(lookup = "jdbc/suijin-owner")
    private DataSource owner;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    @PostConstruct
    void start() {
        ensurePartitions(clock.instant());
    }

    @Schedule(hour = "3", minute = "45", timezone = "Asia/Tokyo", persistent = false)
    @PermitAll
    public void nightly() {
        try {
            purge();
        } catch (IllegalStateException | SQLException e) {
            LOG.severe("Raw sample retention could not run: " + e.getMessage());
        }
    }

    /**
     * Adds partitions ahead, drops the months past retention and deletes statistics past theirs now;
     * returns the partitions dropped.
     */
    @RolesAllowed(Roles.SERVICE_OPERATOR)
    public List<String> purgeNow() throws SQLException {
        return purge();
    }

    private List<String> purge() throws SQLException {
        Instant now = clock.instant();
        int days = retentionDays(System.getProperty(RETENTION_PROPERTY));
        int rollupDays = rollupRetentionDays(System.getProperty(ROLLUP_RETENTION_PROPERTY), days);
        ensurePartitions(now);
        LocalDateTime cut = LocalDateTime.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
        LocalDateTime rollupCut = LocalDateTime.ofInstant(now.minus(Duration.ofDays(rollupDays)), ZoneOffset.UTC);
        List<String> dropped;
        try (Connection c = owner.getConnection()) {
            dropped = MonthlyPartitions.dropBefore(c, "sample", cut);
        }
        // recorded before the statistics are touched: a failure there must not hide the dropped months
        if (!dropped.isEmpty()) {
            LOG.info(() -> "Raw sample retention (" + days + " days): partitions " + dropped + " dropped");
            audit.event("sample_purge", Outcome.OK, null, null, "sample", "cutoff=" + cut + ", partitions=" + dropped);
        }
        long hours;
        long daysDeleted;
        try (Connection c = owner.getConnection()) {
            hours = deleteBefore(c, "sample_hourly", "hour_start", rollupCut);
            daysDeleted = deleteBefore(c, "sample_daily", "day_start", rollupCut);
        }
        if (hours + daysDeleted > 0) {
            LOG.info(() -> "Statistics retention (" + rollupDays + " days): " + hours + " hourly and " + daysDeleted
                    + " daily rows deleted");
            audit.event("sample_purge", Outcome.OK, null, null, "sample_hourly,sample_daily",
                    "cutoff=" + rollupCut + ", hourly=" + hours + ", daily=" + daysDeleted);
        }
        return dropped;
    }

    private static long deleteBefore(Connection c, String table, String column, LocalDateTime cut) throws SQLException {
        long total = 0;
        // the table and column names are constants of this class
        try (var delete = c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ? LIMIT " + DELETE_CHUNK)) {
            delete.setObject(1, cut);
            int n;
            do {
                n = delete.executeUpdate();
                total += n;
            } while (n == DELETE_CHUNK);
        }
        return total;
    }

    private void ensurePartitions(Instant now) {
        try (Connection c = owner.getConnection()) {
            MonthlyPartitions.ensure(c, "sample", now, MONTHS_AHEAD);
        } catch (SQLException e) {
            LOG.severe("Could not add monthly partitions to the sample table: " + e);
        }
    }

    /** @throws IllegalStateException naming the setting when it is not a number of days of at least a year */
    static int retentionDays(String value) {
        int days = days(RETENTION_PROPERTY, value, DEFAULT_RETENTION_DAYS);
        if (days < MINIMUM_RETENTION_DAYS) {
            throw new IllegalStateException(RETENTION_PROPERTY + "=" + days + " is refused: raw samples are kept at least "
                    + MINIMUM_RETENTION_DAYS + " days");
        }
        return days;
    }

    /** @throws IllegalStateException naming the setting when it is not a number of days of at least the raw retention */
    static int rollupRetentionDays(String value, int rawDays) {
        int days = days(ROLLUP_RETENTION_PROPERTY, value, Math.max(DEFAULT_ROLLUP_RETENTION_DAYS, rawDays));
        if (days < rawDays) {
            throw new IllegalStateException(ROLLUP_RETENTION_PROPERTY + "=" + days + " is refused: statistics are kept at"
                    + " least as long as raw samples (" + rawDays + " days)");
        }
        return days;
    }

    private static int days(String property, String value, int defaultDays) {
        if (value == null || value.isBlank()) {
            return defaultDays;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + "=" + value + " is not a number of days");
        }
    }
}
