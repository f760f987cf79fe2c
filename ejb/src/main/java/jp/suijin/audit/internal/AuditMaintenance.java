package jp.suijin.audit.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.AuditRetention;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.audit.AuditChain;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.security.internal.SecurityMonitor;
import jp.suijin.persistence.audit.ChainVerification;
import jp.suijin.persistence.audit.ChainVerifier;
import jp.suijin.persistence.audit.ChainVerifier.ChainHead;
import jp.suijin.schema.MonthlyPartitions;

/**
 * Keeps the audit trail in shape: starts the writer at deployment, splits the record tables into
 * monthly partitions ahead of time, writes the chain heads out of the database every 5 minutes
 * (file in the domain directory and server log, so emptying the tables is detected), purges
 * records past retention (as the schema owner: whole partitions dropped, the month at the cut
 * trimmed, the removed positions kept in {@code audit_purge} so the chain still verifies) and
 * verifies both chains every night.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditMaintenance {

    private static final Logger LOG = Logger.getLogger(AuditMaintenance.class.getName());
    static final String HEAD_FILE = "audit-chain-head";
    private static final int MONTHS_AHEAD = 3;

    @Resource(lookup = "jdbc/suijin-owner")
    private DataSource owner;

    @Resource(lookup = "jdbc/suijin")
    private DataSource application;

    @Inject
    private AuditWriter writer;

    @Inject
    private AuditLog log;

    @Inject
    private SecurityMonitor monitor;

    @Inject
    private Clock clock;

    @Inject
    private DatabaseOutage outage;

    private final AtomicBoolean verifying = new AtomicBoolean();
    private final Map<AuditChain, ChainVerification> verifications = new EnumMap<>(AuditChain.class);

    @PostConstruct
    void start() {
        monitor.start();
        writer.addListener(monitor::accept);
        writer.start();
        try {
            AuditRetention.days();
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage() + "; records are not purged until it is corrected");
        }
        ensurePartitions(clock.instant());
    }

    @Schedule(minute = "*/5", hour = "*", persistent = false)
    @PermitAll
    public void exportHeads() {
        if (outage.down()) {
            return;
        }
        try (Connection c = application.getConnection()) {
            StringBuilder lines = new StringBuilder();
            for (AuditChain chain : AuditChain.values()) {
                ChainHead head = ChainVerifier.head(c, chain);
                if (head != null) {
                    lines.append(head.line(chain)).append('\n');
                }
            }
            if (lines.isEmpty()) {
                return;
            }
            LOG.info(() -> "Audit chain heads: " + lines.toString().strip().replace('\n', ';'));
            Path file = headFile();
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(HEAD_FILE + ".tmp");
            Files.writeString(temporary, lines, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            if (!outage.failed(e)) {
                LOG.log(Level.SEVERE, "Could not write out the audit chain heads: " + e);
            }
        }
    }

    @Schedule(hour = "3", minute = "30", timezone = "Asia/Tokyo", persistent = false)
    @PermitAll
    public void nightly() {
        Instant now = clock.instant();
        ensurePartitions(now);
        try {
            purge(now);
        } catch (IllegalStateException | SQLException e) {
            LOG.severe("Audit retention purge failed: " + e.getMessage());
        }
        verifyAll();
    }

    /** Purges now (the nightly job does the same); returns the number of records removed. */
    @RolesAllowed(Roles.SERVICE_OPERATOR)
    public long purgeNow() throws SQLException {
        Instant now = clock.instant();
        ensurePartitions(now);
        return purge(now);
    }

    /** Verifies both chains now, in this thread; the results are also kept for the status page. */
    @PermitAll
    public Map<AuditChain, ChainVerification> verifyAll() {
        if (!verifying.compareAndSet(false, true)) {
            return lastVerifications();
        }
        try {
            ChainVerifier verifier = new ChainVerifier(writer.key());
            Map<AuditChain, ChainHead> exported = readExportedHeads();
            try (Connection c = application.getConnection()) {
                for (AuditChain chain : AuditChain.values()) {
                    ChainVerification result = verifier.verify(c, chain, exported.get(chain));
                    synchronized (verifications) {
                        verifications.put(chain, result);
                    }
                    if (result.ok()) {
                        LOG.info(result::summary);
                    } else {
                        LOG.severe(result::summary);
                        log.event("audit_chain_broken", Outcome.ERROR, null, null, chain.table(), result.problem());
                    }
                }
            }
        } catch (SQLException e) {
            LOG.severe("Audit chain verification could not run: " + e);
        } finally {
            verifying.set(false);
        }
        return lastVerifications();
    }

    @PermitAll
    public Map<AuditChain, ChainVerification> lastVerifications() {
        synchronized (verifications) {
            return Map.copyOf(verifications);
        }
    }

    @PermitAll
    public boolean isVerifying() {
        return verifying.get();
    }

    private long purge(Instant now) throws SQLException {
        int days = AuditRetention.days();
        Instant cutoff = now.minus(Duration.ofDays(days));
        LocalDateTime cut = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        long removed = 0;
        try (Connection c = owner.getConnection()) {
            for (AuditChain chain : AuditChain.values()) {
                List<long[]> ranges = removedRanges(c, chain, cut);
                if (ranges.isEmpty()) {
                    continue;
                }
                c.setAutoCommit(false);
                try (PreparedStatement note = c.prepareStatement("INSERT INTO audit_purge (chain, from_seq, to_seq,"
                        + " cutoff, purged_at) VALUES (?, ?, ?, ?, ?)")) {
                    for (long[] r : ranges) {
                        note.setString(1, chain.chainName());
                        note.setLong(2, r[0]);
                        note.setLong(3, r[1]);
                        note.setObject(4, cut);
                        note.setObject(5, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
                        note.addBatch();
                    }
                    note.executeBatch();
                    c.commit();
                } finally {
                    c.setAutoCommit(true);
                }
                List<String> dropped = MonthlyPartitions.dropBefore(c, chain.table(), cut);
                long trimmed;
                try (PreparedStatement trim = c.prepareStatement("DELETE FROM " + chain.table() + " WHERE recorded_at < ?")) {
                    trim.setObject(1, cut);
                    trimmed = trim.executeUpdate();
                }
                long count = ranges.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
                removed += count;
                LOG.info(() -> "Audit retention (" + days + " days): " + count + " record(s) before " + cutoff
                        + " removed from " + chain.table() + " (partitions dropped: " + dropped + ", " + trimmed
                        + " row(s) trimmed)");
                log.event("audit_purge", Outcome.OK, null, null, chain.table(),
                        "cutoff=" + cutoff + ", records=" + count + ", partitions=" + dropped);
            }
        }
        return removed;
    }

    /** Consecutive positions of the records before the cut, as [from, to] ranges. */
    private static List<long[]> removedRanges(Connection c, AuditChain chain, LocalDateTime cut) throws SQLException {
        List<long[]> ranges = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT MIN(seq), MAX(seq) FROM (SELECT seq,"
                + " seq - ROW_NUMBER() OVER (ORDER BY seq) AS run FROM " + chain.table() + " WHERE recorded_at < ?) r"
                + " GROUP BY run ORDER BY 1")) {
            q.setObject(1, cut);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    ranges.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return ranges;
    }

    /** Keeps monthly partitions {@value #MONTHS_AHEAD} months ahead in both record tables. */
    void ensurePartitions(Instant now) {
        try (Connection c = owner.getConnection()) {
            for (AuditChain chain : AuditChain.values()) {
                MonthlyPartitions.ensure(c, chain.table(), now, MONTHS_AHEAD);
            }
        } catch (SQLException e) {
            LOG.severe("Could not add monthly partitions to the audit tables: " + e);
        }
    }

    private static Path headFile() {
        return Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "suijin", HEAD_FILE);
    }

    private static Map<AuditChain, ChainHead> readExportedHeads() {
        Map<AuditChain, ChainHead> heads = new EnumMap<>(AuditChain.class);
        Path file = headFile();
        if (!Files.isRegularFile(file)) {
            return heads;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                for (AuditChain chain : AuditChain.values()) {
                    ChainHead head = ChainHead.parse(line, chain);
                    if (head != null) {
                        heads.put(chain, head);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warning("The written-out audit chain heads in " + file + " cannot be read: " + e);
        }
        return heads;
    }
}
