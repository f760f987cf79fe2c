package jp.suijin.security.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import jp.suijin.audit.OperationEntry;
import jp.suijin.audit.Outcome;
import jp.suijin.security.RuleSetting;
import jp.suijin.security.SecurityRule;

/**
 * Watches the committed audit records for suspicious activity ({@link SecurityRule}) on a thread
 * of its own, so the writer is never held up. Counting windows live in memory (per server); what
 * a rule finds becomes a {@code security_event} through {@link SecurityEventSink}, which
 * deduplicates and mails.
 */
@ApplicationScoped
public class SecurityMonitor {

    private static final Logger LOG = Logger.getLogger(SecurityMonitor.class.getName());
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int MAX_KEYS = 50_000;
    /** How the ingest names a field device as principal. */
    private static final String DEVICE = "device:";
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threads;

    @Inject
    private Clock clock;

    @Inject
    private SecurityEventSink sink;

    private final BlockingQueue<OperationEntry> queue = new ArrayBlockingQueue<>(50_000);
    private final AtomicLong skipped = new AtomicLong();
    private final Object progress = new Object();
    private long offered;
    private long examined;
    private final Map<String, Deque<Instant>> counts = bounded();
    private final Map<String, Map<String, Instant>> accountsByAddress = bounded();
    private volatile boolean running;
    private volatile Thread worker;

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = threads.newThread(this::run);
        worker.setName("suijin-security-monitor");
        worker.start();
    }

    /** Takes a committed batch of audit entries (access entries are not rule inputs). */
    public void accept(List<Object> entries) {
        for (Object e : entries) {
            if (!(e instanceof OperationEntry op) || !relevant(op)) {
                continue;
            }
            if (queue.offer(op)) {
                synchronized (progress) {
                    offered++;
                }
            } else if (skipped.incrementAndGet() % 1000 == 1) {
                LOG.warning("The security monitor is behind; " + skipped.get() + " record(s) not examined so far"
                        + " (they are in the audit trail)");
            }
        }
    }

    /** Waits until every record handed over so far has been examined; false if that took longer than {@code max}. */
    public boolean awaitExamined(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (progress) {
            long target = offered;
            while (examined < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private static boolean relevant(OperationEntry op) {
        return op.beanMethod() == null || op.outcome() == Outcome.DENIED;
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                OperationEntry op = queue.poll(200, TimeUnit.MILLISECONDS);
                if (op != null) {
                    try {
                        examine(op);
                    } finally {
                        synchronized (progress) {
                            examined++;
                            progress.notifyAll();
                        }
                    }
                }
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException | SQLException e) {
                LOG.log(Level.WARNING, "Security monitor could not examine a record: " + e, e);
            }
        }
    }

    void examine(OperationEntry op) throws SQLException {
        Instant now = op.recordedAt();
        String subject = op.principal() == null ? "-" : op.principal();
        Long org = op.organisationId();
        switch (op.operation()) {
            case "authn_login_lock" -> raise(SecurityRule.ACCOUNT_LOCKED, org, subject, op, op.parameters());
            case "privilege_permissions_changed" -> raise(SecurityRule.PRIVILEGE_CHANGE, org, subject, op, op.parameters());
            case "authn_otp_disabled" -> raise(SecurityRule.TWO_STEP_DISABLED, org, subject, op, op.parameters());
            case "authn_login_fail" -> credentialStuffing(op, now);
            case "authn_login_successafterfail" -> {
                RuleSetting s = sink.setting(org, SecurityRule.SUCCESS_AFTER_FAILURES);
                int retries = retries(op.parameters());
                if (retries >= s.threshold()) {
                    raise(SecurityRule.SUCCESS_AFTER_FAILURES, org, subject, op, retries + " failed attempt(s) before");
                }
            }
            case "authn_login_success" -> {
                newNetwork(op, org, subject, now);
                unusualHour(op, org, subject, now);
            }
            case "data_export" -> {
                RuleSetting s = sink.setting(org, SecurityRule.MASS_EXPORT);
                if (counted("export|" + subject, now, s) >= s.threshold()) {
                    raise(SecurityRule.MASS_EXPORT, org, subject, op, s.threshold() + " or more exports within "
                            + s.windowMinutes() + " min; last: " + op.target());
                }
            }
            case "authn_device_refused", "authn_device_fail" -> {
                RuleSetting s = sink.setting(org, SecurityRule.DEVICE_REFUSED);
                String device = "authn_device_fail".equals(op.operation()) ? fieldDeviceSubject(subject, org, op.clientIp())
                        : subject;
                if (counted("device|" + org + "|" + device, now, s) >= s.threshold()) {
                    raise(SecurityRule.DEVICE_REFUSED, org, device, op, op.parameters());
                }
            }
            default -> {
                if (op.outcome() == Outcome.DENIED && !op.operation().startsWith("authn_")) {
                    String who = op.principal() == null || "ANONYMOUS".equals(op.principal())
                            ? "address " + op.clientIp() : op.principal();
                    RuleSetting s = sink.setting(org, SecurityRule.ACCESS_DENIED);
                    if (counted("denied|" + who, now, s) >= s.threshold()) {
                        raise(SecurityRule.ACCESS_DENIED, org, who, op, s.threshold() + " or more refusals within "
                                + s.windowMinutes() + " min; last: " + op.operation() + " " + nonNull(op.target()));
                    }
                }
            }
        }
    }

    private void credentialStuffing(OperationEntry op, Instant now) throws SQLException {
        if (op.clientIp() == null) {
            return;
        }
        RuleSetting s = sink.setting(null, SecurityRule.CREDENTIAL_STUFFING);
        Map<String, Instant> accounts = accountsByAddress.computeIfAbsent(op.clientIp(), k -> new HashMap<>());
        Instant since = now.minus(Duration.ofMinutes(s.windowMinutes()));
        accounts.values().removeIf(t -> t.isBefore(since));
        if (accounts.size() < 10_000) {
            // spellings of one login ID are one account, not many
            accounts.put(op.principal() == null ? "-" : evenedOut(op.principal()), now);
        }
        if (accounts.size() >= s.threshold()) {
            // across organisations and unknown IDs: for the service operator
            raise(SecurityRule.CREDENTIAL_STUFFING, null, "address " + op.clientIp(), op, "failed sign-ins for "
                    + accounts.size() + " different login IDs within " + s.windowMinutes() + " min");
        }
    }

    private void newNetwork(OperationEntry op, Long org, String subject, Instant now) throws SQLException {
        String network = network(op.clientIp());
        if (network == null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Long userId = userId(c, subject);
            if (userId == null) {
                return;
            }
            boolean known;
            boolean any;
            try (PreparedStatement q = c.prepareStatement("SELECT SUM(network = ?), COUNT(*) FROM user_known_network"
                    + " WHERE user_id = ?")) {
                q.setString(1, network);
                q.setLong(2, userId);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    known = r.getLong(1) > 0;
                    any = r.getLong(2) > 0;
                }
            }
            try (PreparedStatement up = c.prepareStatement("INSERT INTO user_known_network (user_id, network,"
                    + " first_seen_at, last_seen_at) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at)")) {
                LocalDateTime t = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
                up.setLong(1, userId);
                up.setString(2, network);
                up.setObject(3, t);
                up.setObject(4, t);
                up.executeUpdate();
            }
            // the first sign-in ever only teaches the network
            if (!known && any) {
                raise(SecurityRule.NEW_NETWORK, org, subject, op, "first sign-in from network " + network);
            }
        }
    }

    private void unusualHour(OperationEntry op, Long org, String subject, Instant now) throws SQLException {
        RuleSetting s = sink.setting(org, SecurityRule.UNUSUAL_HOURS);
        if (!s.enabled()) {
            return;
        }
        List<Instant> history = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT recorded_at FROM audit_record"
                        + " FORCE INDEX (ix_audit_record_org_principal_time) WHERE organisation_id <=> ? AND principal = ?"
                        + " AND operation = 'authn_login_success' AND recorded_at >= ? AND recorded_at < ?")) {
            q.setObject(1, org);
            q.setString(2, subject);
            q.setObject(3, LocalDateTime.ofInstant(now.minus(Duration.ofMinutes(s.windowMinutes())), ZoneOffset.UTC));
            // stored to the millisecond: this sign-in itself is not part of its history
            q.setObject(4, LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    history.add(r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            }
        }
        if (unusualHour(history, now, s.threshold())) {
            int hour = now.atZone(JAPAN).getHour();
            raise(SecurityRule.UNUSUAL_HOURS, org, subject, op, "sign-in at " + hour + ":00-" + hour
                    + ":59 (Japan time), an hour without sign-ins among the last " + history.size());
        }
    }

    /** Whether a sign-in at {@code now} falls in a Japan-time hour none of enough earlier sign-ins fell in. */
    static boolean unusualHour(List<Instant> history, Instant now, int enough) {
        int hour = now.atZone(JAPAN).getHour();
        return history.size() >= enough && history.stream().noneMatch(t -> t.atZone(JAPAN).getHour() == hour);
    }

    /** Counts this occurrence in the key's window; returns the count within the window. */
    private int counted(String key, Instant now, RuleSetting s) {
        if (!s.enabled()) {
            return 0;
        }
        Deque<Instant> times = counts.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant since = now.minus(Duration.ofMinutes(s.windowMinutes()));
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.pollFirst();
        }
        if (times.size() < 10_000) {
            times.addLast(now);
        }
        return times.size();
    }

    private void raise(SecurityRule rule, Long org, String subject, OperationEntry op, String detail) throws SQLException {
        sink.raise(rule, org, subject, op.clientIp(), detail == null ? rule.name() : detail, op.recordedAt());
    }

    private static Long userId(Connection c, String loginId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM app_user WHERE login_id = ?")) {
            q.setString(1, loginId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    static int retries(String detail) {
        if (detail == null || !detail.startsWith("retries=")) {
            return 0;
        }
        try {
            return Integer.parseInt(detail.substring("retries=".length()).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What refused field-device sign-ins are counted and reported by, so that spellings of one code
     * cannot pass for many devices: a device of a known organisation by its code with case, width
     * (NFKC) and white space evened out; a device no organisation knows by the address it came from,
     * whatever code it sent.
     */
    static String fieldDeviceSubject(String principal, Long organisationId, String clientIp) {
        if (organisationId == null) {
            return "address " + clientIp;
        }
        String code = principal.startsWith(DEVICE) ? principal.substring(DEVICE.length()) : principal;
        return DEVICE + evenedOut(code);
    }

    /** A name as sent, with case, width (NFKC) and white space evened out, for grouping. */
    static String evenedOut(String name) {
        return WHITE_SPACE.matcher(Normalizer.normalize(name, Normalizer.Form.NFKC).strip()).replaceAll(" ")
                .toUpperCase(Locale.ROOT);
    }

    /** IPv4 /24 or IPv6 /48 of an address, as text; null when it is not an IP literal. */
    static String network(String ip) {
        if (ip == null) {
            return null;
        }
        if (ip.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return ip.substring(0, ip.lastIndexOf('.')) + ".0/24";
        }
        if (ip.contains(":")) {
            String[] groups = expand(ip).split(":");
            return groups.length == 8 ? groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48" : null;
        }
        return null;
    }

    private static String expand(String ip) {
        String address = ip.replaceAll("%.*$", "");
        if (!address.contains("::")) {
            return address;
        }
        String[] halves = address.split("::", -1);
        int present = (halves[0].isEmpty() ? 0 : halves[0].split(":").length)
                + (halves[1].isEmpty() ? 0 : halves[1].split(":").length);
        StringBuilder b = new StringBuilder(halves[0].isEmpty() ? "" : halves[0] + ":");
        for (int i = 0; i < 8 - present; i++) {
            b.append("0:");
        }
        b.append(halves[1]);
        String full = b.toString();
        return full.endsWith(":") ? full.substring(0, full.length() - 1) : full;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    @PreDestroy
    void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
