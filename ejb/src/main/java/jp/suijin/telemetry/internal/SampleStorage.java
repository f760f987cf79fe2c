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
 * Keeps the raw sample table in monthly partitions, {@value #MONTHS_AHEAD} months ahead, and drops
 * the months wholly older than the raw retention (system property {@value #RETENTION_PROPERTY},
 * default {@value #DEFAULT_RETENTION_DAYS} days) every night, as the schema owner.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
public class SampleStorage {

    public static final String RETENTION_PROPERTY = "suijin.telemetry.raw-retention-days";
    static final int DEFAULT_RETENTION_DAYS = 730;
    /** A year at least: until hourly and daily rollups exist, the raw samples are all there is. */
    static final int MINIMUM_RETENTION_DAYS = 366;
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

    /** Adds partitions ahead and drops the months past retention now; returns the partitions dropped. */
    @RolesAllowed(Roles.SERVICE_OPERATOR)
    public List<String> purgeNow() throws SQLException {
        return purge();
    }

    private List<String> purge() throws SQLException {
        Instant now = clock.instant();
        int days = retentionDays(System.getProperty(RETENTION_PROPERTY));
        ensurePartitions(now);
        LocalDateTime cut = LocalDateTime.ofInstant(now.minus(Duration.ofDays(days)), ZoneOffset.UTC);
        List<String> dropped;
        try (Connection c = owner.getConnection()) {
            dropped = MonthlyPartitions.dropBefore(c, "sample", cut);
        }
        if (!dropped.isEmpty()) {
            LOG.info(() -> "Raw sample retention (" + days + " days): partitions " + dropped + " dropped");
            audit.event("sample_purge", Outcome.OK, null, null, "sample", "cutoff=" + cut + ", partitions=" + dropped);
        }
        return dropped;
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
        if (value == null || value.isBlank()) {
            return DEFAULT_RETENTION_DAYS;
        }
        int days;
        try {
            days = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RETENTION_PROPERTY + "=" + value + " is not a number of days");
        }
        if (days < MINIMUM_RETENTION_DAYS) {
            throw new IllegalStateException(RETENTION_PROPERTY + "=" + days + " is refused: raw samples are kept at least "
                    + MINIMUM_RETENTION_DAYS + " days");
        }
        return days;
    }
}
