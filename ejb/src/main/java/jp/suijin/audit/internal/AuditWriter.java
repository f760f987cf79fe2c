package jp.suijin.audit.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.audit.AccessEntry;
import jp.suijin.audit.OperationEntry;
import jp.suijin.persistence.audit.AuditChain;
import jp.suijin.resilience.DatabaseOutage;

/**
 * The one writer of both audit chains. Callers put records on a bounded queue; one thread takes
 * everything waiting (up to {@value #BATCH} records), and in one transaction locks each chain's
 * head row, gives the records their positions and MACs, inserts them as a JDBC batch and moves the
 * head. Operation records of people's requests wait for that commit (group commit: durable before
 * the answer, at the cost of one transaction per batch, not per record); records of device
 * requests and access records do not wait.
 *
 * <p>Nothing is dropped silently: a full queue holds the caller back for up to
 * {@value #OFFER_SECONDS} s; a record that still finds no room is counted, logged at SEVERE and
 * shown on the audit status page. A failed batch is retried with back-off, and shutdown drains
 * the queue before the thread ends.
 */
@ApplicationScoped
public class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    static final int CAPACITY = 100_000;
    static final int BATCH = 2_000;
    static final int OFFER_SECONDS = 5;
    static final Duration LINGER = Duration.ofMillis(10);
    private static final long WAIT_SECONDS = 30;

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Inject
    private Clock clock;

    @Inject
    private DatabaseOutage outage;

    private final RecordQueue<Pending> queue = new RecordQueue<>(CAPACITY, Duration.ofSeconds(OFFER_SECONDS));
    private final Map<String, Long> organisations = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private final List<Consumer<List<Object>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile byte[] key;
    private volatile String keyId;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile String lastFailure;

    private record Pending(AuditChain chain, Object entry, CompletableFuture<Void> done) {
    }

    /** Starts the writer (called once at deployment); fails when the key is missing or wrong. */
    public synchronized void start() {
        if (running) {
            return;
        }
        key = AuditKey.load();
        keyId = AuditChain.keyId(key);
        try (Connection c = dataSource.getConnection()) {
            for (AuditChain chain : AuditChain.values()) {
                try (PreparedStatement q = c.prepareStatement("SELECT key_id FROM audit_chain WHERE name = ?")) {
                    q.setString(1, chain.chainName());
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next() && !r.getString(1).equals(keyId)) {
                            throw new IllegalStateException("The " + chain.table() + " chain was made with audit key "
                                    + r.getString(1) + " but password alias " + AuditKey.ALIAS + " now holds key "
                                    + keyId + ": restore the original key; a new key would make the trail unverifiable");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chain heads: " + e.getMessage(), e);
        }
        running = true;
        worker = threads.newThread(this::run);
        worker.setName("suijin-audit-writer");
        worker.start();
    }

    byte[] key() {
        return key.clone();
    }

    /** Called with each committed batch (operation and access entries, in chain order), before its writers go on. */
    public void addListener(Consumer<List<Object>> listener) {
        listeners.add(listener);
    }

    /** Writes an operation record; with {@code wait}, returns once it is committed. */
    public void writeOperation(OperationEntry entry, boolean wait) {
        CompletableFuture<Void> done = wait ? new CompletableFuture<>() : null;
        // while the database is unreachable nobody is held for a record that cannot be written yet
        if (!enqueue(new Pending(AuditChain.AUDIT, entry, done)) || !wait || outage.down()) {
            return;
        }
        try {
            done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still queued: the writer retries; the caller is not held any longer
            LOG.log(Level.WARNING, "Audit record {0} not yet committed after {1} s ({2}); it stays queued",
                    new Object[] {entry.operation(), WAIT_SECONDS, e.toString()});
        }
    }

    /** Queues an access record without waiting for it. */
    public void writeAccess(AccessEntry entry) {
        enqueue(new Pending(AuditChain.ACCESS, entry, null));
    }

    private boolean enqueue(Pending p) {
        if (!running) {
            queue.lost(1, "writer stopped", p.entry());
            return false;
        }
        return queue.put(p);
    }

    public long lostCount() {
        return queue.lostCount();
    }

    public long writtenCount() {
        return written.get();
    }

    public int queued() {
        return queue.size();
    }

    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(BATCH);
        long backoff = 100;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    // a moment for more records to arrive: fewer, larger transactions under load
                    queue.take(batch, BATCH, Duration.ofMillis(200), running ? LINGER : Duration.ZERO);
                    if (batch.isEmpty()) {
                        continue;
                    }
                }
                List<Object> entries = write(batch);
                written.addAndGet(batch.size());
                lastFailure = null;
                // listeners first: whoever waited for a record finds it already handed on
                for (Consumer<List<Object>> l : listeners) {
                    l.accept(entries);
                }
                for (Pending p : batch) {
                    if (p.done() != null) {
                        p.done().complete(null);
                    }
                }
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                running = false;
            } catch (SQLException | RuntimeException e) {
                lastFailure = clock.instant() + " " + e;
                // an unreachable database is logged once as an outage; the records stay queued meanwhile
                if (!outage.failed(e)) {
                    LOG.log(Level.SEVERE, "Writing " + batch.size() + " audit record(s) failed; retrying in " + backoff
                            + " ms: " + e);
                }
                if (!running && backoff >= 5_000) {
                    batch.forEach(p -> queue.lost(1, "shutdown, database unavailable", p.entry()));
                    batch.clear();
                    continue;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    running = false;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Writes the batch; returns its entries as written (organisations filled in). */
    private List<Object> write(List<Pending> batch) throws SQLException {
        Map<AuditChain, List<Object[]>> byChain = new EnumMap<>(AuditChain.class);
        List<Object> entries = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            Object entry = p.entry() instanceof OperationEntry op ? withOrganisation(op)
                    : withOrganisation((AccessEntry) p.entry());
            entries.add(entry);
            Object[] values = entry instanceof OperationEntry op ? op.values() : ((AccessEntry) entry).values();
            byChain.computeIfAbsent(p.chain(), c -> new ArrayList<>()).add(values);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (Map.Entry<AuditChain, List<Object[]>> e : byChain.entrySet()) {
                    append(c, e.getKey(), e.getValue());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return entries;
    }

    private void append(Connection c, AuditChain chain, List<Object[]> records) throws SQLException {
        try (PreparedStatement create = c.prepareStatement("INSERT IGNORE INTO audit_chain (name, head_seq, head_mac,"
                + " key_id, updated_at) VALUES (?, 0, ?, ?, ?)")) {
            create.setString(1, chain.chainName());
            create.setBytes(2, AuditChain.GENESIS);
            create.setString(3, keyId);
            create.setObject(4, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            create.executeUpdate();
        }
        long seq;
        byte[] previous;
        try (PreparedStatement head = c.prepareStatement(
                "SELECT head_seq, head_mac, key_id FROM audit_chain WHERE name = ? FOR UPDATE")) {
            head.setString(1, chain.chainName());
            try (ResultSet r = head.executeQuery()) {
                r.next();
                if (!keyId.equals(r.getString(3))) {
                    throw new IllegalStateException("the " + chain.table() + " chain uses audit key " + r.getString(3)
                            + ", this server has " + keyId);
                }
                seq = r.getLong(1);
                previous = r.getBytes(2);
            }
        }
        try (PreparedStatement insert = c.prepareStatement(chain.insertSql())) {
            for (Object[] values : records) {
                values[0] = ++seq;
                Object[] normalised = chain.normalise(values);
                byte[] mac = chain.mac(key, previous, normalised);
                chain.bind(insert, normalised, previous, mac);
                insert.addBatch();
                previous = mac;
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = c.prepareStatement(
                "UPDATE audit_chain SET head_seq = ?, head_mac = ?, updated_at = ? WHERE name = ?")) {
            move.setLong(1, seq);
            move.setBytes(2, previous);
            move.setObject(3, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            move.setString(4, chain.chainName());
            move.executeUpdate();
        }
    }

    private OperationEntry withOrganisation(OperationEntry e) {
        return e.organisationId() != null ? e : e.withOrganisation(organisationOf(e.principal()));
    }

    private AccessEntry withOrganisation(AccessEntry e) {
        return e.organisationId() != null ? e : e.withOrganisation(organisationOf(e.principal()));
    }

    /** A user's organisation never changes, so it is looked up once per login ID that exists. */
    private Long organisationOf(String principal) {
        if (principal == null || principal.contains(":") || "ANONYMOUS".equals(principal)) {
            return null;
        }
        Long cached = organisations.get(principal);
        if (cached != null) {
            return cached;
        }
        long found = -1;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT organisation_id FROM app_user WHERE login_id = ?")) {
            q.setString(1, principal);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    long id = r.getLong(1);
                    found = r.wasNull() ? -1 : id;
                }
            }
        } catch (SQLException e) {
            return null;
        }
        if (found >= 0 && organisations.size() < 100_000) {
            organisations.put(principal, found);
        }
        return found < 0 ? null : found;
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!queue.isEmpty()) {
            LOG.severe(() -> queue.size() + " audit record(s) could not be written before shutdown");
        }
        LOG.info(() -> "Audit writer stopped: " + written.get() + " record(s) written, " + queue.lostCount() + " lost");
    }
}
