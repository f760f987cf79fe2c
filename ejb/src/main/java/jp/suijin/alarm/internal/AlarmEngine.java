package jp.suijin.alarm.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.suijin.alarm.AlarmBroadcast;
import jp.suijin.alarm.AlarmEvaluation;
import jp.suijin.alarm.AlarmSample;
import jp.suijin.alarm.AlarmSignal;
import jp.suijin.jdbc.Columns;
import jp.suijin.jdbc.MultiRowInsert;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/**
 * Raises and clears alarms in the caller's transaction: as samples are stored (in the ingest
 * transaction, so an alarm and its mails commit with the samples or not at all) and on the monitor's
 * timer (on-delays run out, devices fall silent). A CDI bean, not an EJB: it adds no operation record
 * per batch.
 *
 * <p>Each point's {@code alarm_point_state} row is locked before its samples are evaluated, so two
 * batches for one point evaluate one after the other; and the unique {@code open_key} of an uncleared
 * alarm keeps even a racing timer from raising a condition twice.
 */
@ApplicationScoped
public class AlarmEngine implements AlarmEvaluation {

    private static final LocalDateTime NEVER = LocalDateTime.of(1970, 1, 1, 0, 0);

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private AlarmMail mail;

    @Inject
    private AlarmBroadcast broadcast;

    @Override
    public void samplesStored(Connection c, long deviceId, List<AlarmSample> samples, Instant now) throws SQLException {
        List<AlarmSignal> signals = new ArrayList<>();
        Set<Long> points = samples.stream().map(AlarmSample::pointId).collect(Collectors.toCollection(TreeSet::new));
        // one round trip tells whether there is anything to do: most batches have no alarm work at all
        if (!concerned(c, deviceId, points)) {
            return;
        }
        clearCommLoss(c, deviceId, now, signals);
        Map<Long, PointRules> rules = rules(c, points, now);
        if (!rules.isEmpty()) {
            Map<Long, List<AlarmSample>> byPoint = samples.stream().sorted((a, b) -> a.time().compareTo(b.time()))
                    .collect(Collectors.groupingBy(AlarmSample::pointId, LinkedHashMap::new, Collectors.toList()));
            Map<Long, PointState> states = lockStates(c, rules.keySet());
            Sink sink = new Sink(c, now, signals);
            for (Map.Entry<Long, PointState> e : states.entrySet()) {
                Instant evaluatedBefore = e.getValue().evaluatedUntil();
                e.getValue().evaluate(rules.get(e.getKey()), byPoint.get(e.getKey()), sink);
                lateExcursions(c, rules.get(e.getKey()), byPoint.get(e.getKey()), evaluatedBefore, sink);
            }
            save(c, states);
        }
        broadcast.afterCommit(signals);
    }

    /** Raises what waited out its on-delay by {@code now} with no sample since; returns how many rose. */
    public int expirePending(Instant now) throws SQLException {
        List<AlarmSignal> signals = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Set<Long> points = new TreeSet<>();
            try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT point_id FROM alarm_pending");
                    ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    points.add(r.getLong(1));
                }
            }
            if (points.isEmpty()) {
                return 0;
            }
            Map<Long, PointRules> rules = rules(c, points, now);
            Map<Long, PointState> states = lockStates(c, rules.keySet());
            Sink sink = new Sink(c, now, signals);
            for (Map.Entry<Long, PointState> e : states.entrySet()) {
                e.getValue().expirePending(rules.get(e.getKey()), now, sink);
            }
            save(c, states);
            // pending rows of points whose definition was removed go with it
            try (PreparedStatement orphans = c.prepareStatement("DELETE p FROM alarm_pending p"
                    + " LEFT JOIN alarm_definition d ON d.point_id = p.point_id WHERE d.point_id IS NULL")) {
                orphans.executeUpdate();
            }
        }
        broadcast.afterCommit(signals);
        return (int) signals.stream().filter(s -> s.event() == AlarmSignal.Event.RAISED).count();
    }

    /**
     * Raises a communication-loss alarm for every device that has sent nothing for its set minutes (counted
     * from its creation if it never sent). The alarm rises at the moment the silence reached the limit.
     */
    public int raiseCommLoss(Instant now) throws SQLException {
        List<AlarmSignal> signals = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> silent = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT d.id, d.facility_id, f.organisation_id, s.severity,"
                    + " s.comm_loss_minutes"
                    + " FROM device_alarm_setting s JOIN field_device d ON d.id = s.device_id"
                    + " JOIN facility f ON f.id = d.facility_id"
                    + " WHERE s.enabled AND (s.shelved_until IS NULL OR s.shelved_until <= ?) AND d.enabled AND f.enabled"
                    + " AND COALESCE(d.last_seen_at, d.created_at) <= ? - INTERVAL s.comm_loss_minutes MINUTE"
                    + " AND NOT EXISTS (SELECT 1 FROM alarm a WHERE a.open_key = CONCAT('D', d.id, ':COMM_LOSS'))")) {
                q.setObject(1, utc(now));
                q.setObject(2, utc(now));
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        silent.add(new Object[] {r.getLong(1), r.getLong(2), r.getLong(3), r.getString(4), r.getInt(5)});
                    }
                }
            }
            for (Object[] d : silent) {
                long device = (Long) d[0];
                LocalDateTime seen = lastSeen(c, device);
                // ingest updates last_seen_at under this lock: a batch that committed since the query above
                // is seen here, so a device that just spoke gets no alarm
                if (seen.isAfter(utc(now).minusMinutes((Integer) d[4]))) {
                    continue;
                }
                Instant at = seen.plusMinutes((Integer) d[4]).toInstant(ZoneOffset.UTC);
                Long id = insert(c, (Long) d[2], (Long) d[1], null, device, AlarmKind.COMM_LOSS,
                        Severity.valueOf((String) d[3]), at, null, ((Integer) d[4]).doubleValue(), true);
                if (id != null) {
                    mail.raised(c, id, now);
                    signals.add(new AlarmSignal((Long) d[2], (Long) d[1], id, AlarmSignal.Event.RAISED,
                            Severity.valueOf((String) d[3])));
                }
            }
        }
        broadcast.afterCommit(signals);
        return signals.size();
    }

    /**
     * Samples older than those already evaluated (a batch retried after newer ones went through, a device
     * sending its buffer out of order) cannot change the alarms of now, but an excursion in them must not
     * go unseen: a late sample in a condition that no alarm of that kind covers raises an alarm for the
     * past, cleared at the first later stored sample back inside the limit by the deadband. An excursion
     * shorter than the on-delay raises nothing, as it would not have on time.
     */
    private static void lateExcursions(Connection c, PointRules rules, List<AlarmSample> samples, Instant evaluatedBefore,
            Sink sink) throws SQLException {
        if (!rules.raising()) {
            return;
        }
        for (AlarmSample s : samples) {
            if (s.bad() || s.time().isAfter(evaluatedBefore)) {
                continue;
            }
            for (Map.Entry<AlarmKind, PointRules.Limit> limit : rules.limits().entrySet()) {
                AlarmKind kind = limit.getKey();
                if (!rules.in(kind, s.value()) || covered(c, rules.pointId(), kind, s.time())) {
                    continue;
                }
                Instant recovered = recovery(c, rules, kind, s.time());
                // still in the condition since: the evaluation of the newer samples owns it
                if (recovered == null || Duration.between(s.time(), recovered).compareTo(rules.onDelay()) < 0) {
                    continue;
                }
                long id = sink.raisePast(rules, kind, s.time(), s.value());
                sink.clear(id, recovered, valueAt(c, rules.pointId(), recovered));
            }
        }
    }

    private static boolean covered(Connection c, long point, AlarmKind kind, Instant at) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM alarm WHERE point_id = ? AND kind = ?"
                + " AND raised_at <= ? AND (cleared_at IS NULL OR cleared_at >= ?) LIMIT 1")) {
            q.setLong(1, point);
            q.setString(2, kind.name());
            q.setObject(3, utc(at));
            q.setObject(4, utc(at));
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The first stored sample after {@code after} at which an alarm of {@code kind} would clear; null if none. */
    private static Instant recovery(Connection c, PointRules rules, AlarmKind kind, Instant after) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT sample_time, value FROM sample WHERE point_id = ?"
                + " AND sample_time > ? AND quality <> 2 ORDER BY sample_time LIMIT 1000")) {
            q.setLong(1, rules.pointId());
            q.setObject(2, utc(after));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    if (rules.recovered(kind, r.getDouble(2))) {
                        return r.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    }
                }
            }
        }
        return null;
    }

    private static double valueAt(Connection c, long point, Instant at) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT value FROM sample WHERE point_id = ? AND sample_time = ?")) {
            q.setLong(1, point);
            q.setObject(2, utc(at));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getDouble(1);
            }
        }
    }

    /** Whether the device has a communication-loss alarm or a point has a definition or an uncleared alarm. */
    private static boolean concerned(Connection c, long deviceId, Set<Long> points) throws SQLException {
        String in = points.isEmpty() ? "(NULL)"
                : points.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        try (PreparedStatement q = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM alarm WHERE open_key = ?)"
                + " OR EXISTS (SELECT 1 FROM alarm_definition WHERE point_id IN " + in + ")"
                + " OR EXISTS (SELECT 1 FROM alarm WHERE open_key IS NOT NULL AND point_id IN " + in + ")")) {
            q.setString(1, "D" + deviceId + ":" + AlarmKind.COMM_LOSS);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static LocalDateTime lastSeen(Connection c, long device) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT COALESCE(last_seen_at, created_at) FROM field_device WHERE id = ? FOR UPDATE")) {
            q.setLong(1, device);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getObject(1, LocalDateTime.class);
            }
        }
    }

    private void clearCommLoss(Connection c, long deviceId, Instant now, List<AlarmSignal> signals) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id, organisation_id, facility_id, severity FROM alarm"
                + " WHERE open_key = ? FOR UPDATE")) {
            q.setString(1, "D" + deviceId + ":" + AlarmKind.COMM_LOSS);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    long id = r.getLong(1);
                    clear(c, id, now, null);
                    mail.cleared(c, id, now);
                    signals.add(new AlarmSignal(r.getLong(2), r.getLong(3), id, AlarmSignal.Event.CLEARED,
                            Severity.valueOf(r.getString(4))));
                }
            }
        }
    }

    /** The rules of the points that have a definition or an uncleared alarm (whose definition may be gone). */
    private static Map<Long, PointRules> rules(Connection c, Set<Long> points, Instant now) throws SQLException {
        if (points.isEmpty()) {
            return Map.of();
        }
        String in = points.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        Map<Long, PointRules> rules = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT d.point_id, p.facility_id, f.organisation_id,"
                + " d.hh_limit, d.hh_severity, d.h_limit, d.h_severity, d.l_limit, d.l_severity, d.ll_limit, d.ll_severity,"
                + " d.deadband, d.on_delay_seconds, d.fault_states, d.state_severity, d.enabled, d.shelved_until, p.kind"
                + " FROM alarm_definition d JOIN measurement_point p ON p.id = d.point_id"
                + " JOIN facility f ON f.id = p.facility_id WHERE d.point_id IN " + in);
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                Map<AlarmKind, PointRules.Limit> limits = new EnumMap<>(AlarmKind.class);
                boolean state = "STATE".equals(r.getString(18));
                if (!state) {
                    limit(limits, AlarmKind.HIGH_HIGH, r, 4);
                    limit(limits, AlarmKind.HIGH, r, 6);
                    limit(limits, AlarmKind.LOW, r, 8);
                    limit(limits, AlarmKind.LOW_LOW, r, 10);
                }
                Set<Long> faults = state ? faultStates(r.getString(14)) : Set.of();
                if (!faults.isEmpty() && r.getString(15) != null) {
                    limits.put(AlarmKind.STATE, new PointRules.Limit(Severity.valueOf(r.getString(15)), null));
                }
                Instant shelved = Columns.utc(r, 17);
                rules.put(r.getLong(1), new PointRules(r.getLong(1), r.getLong(3), r.getLong(2), limits, faults,
                        r.getDouble(12), Duration.ofSeconds(r.getInt(13)), PointRules.raising(r.getBoolean(16),
                                shelved, now)));
            }
        }
        // an uncleared alarm of a point without a definition clears at its next sample
        try (PreparedStatement q = c.prepareStatement("SELECT DISTINCT a.point_id, a.facility_id, a.organisation_id"
                + " FROM alarm a WHERE a.open_key IS NOT NULL AND a.point_id IN " + in);
                ResultSet r = q.executeQuery()) {
            while (r.next()) {
                rules.putIfAbsent(r.getLong(1), new PointRules(r.getLong(1), r.getLong(3), r.getLong(2), Map.of(),
                        Set.of(), 0, Duration.ZERO, false));
            }
        }
        return rules;
    }

    private static void limit(Map<AlarmKind, PointRules.Limit> limits, AlarmKind kind, ResultSet r, int column)
            throws SQLException {
        double value = r.getDouble(column);
        if (!r.wasNull() && r.getString(column + 1) != null) {
            limits.put(kind, new PointRules.Limit(Severity.valueOf(r.getString(column + 1)), value));
        }
    }

    /** The fault states as stored ("2;3"), in state order. */
    static SortedSet<Long> faultStates(String states) {
        SortedSet<Long> faults = new TreeSet<>();
        if (states != null) {
            Arrays.stream(states.split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf)
                    .forEach(faults::add);
        }
        return faults;
    }

    /** Locks the points' evaluation rows (creating them on a point's first evaluation), in id order. */
    private static Map<Long, PointState> lockStates(Connection c, Collection<Long> points) throws SQLException {
        List<Long> ordered = new ArrayList<>(new TreeSet<>(points));
        if (ordered.isEmpty()) {
            return new LinkedHashMap<>();
        }
        String in = ordered.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        // an upsert locks an existing row exclusively at once; INSERT IGNORE would take a shared lock, and
        // two batches upgrading theirs for the FOR UPDATE below would deadlock
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (long p : ordered) {
            rows.add(new Object[] {p, NEVER, 0.0});
        }
        MultiRowInsert.execute(c, "INSERT INTO alarm_point_state (point_id, evaluated_until, last_value) VALUES",
                "ON DUPLICATE KEY UPDATE point_id = point_id", rows);
        Map<Long, Instant> until = new HashMap<>();
        Map<Long, Double> last = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT point_id, evaluated_until, last_value FROM alarm_point_state"
                + " WHERE point_id IN " + in + " ORDER BY point_id FOR UPDATE"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                until.put(r.getLong(1), Columns.utc(r, 2));
                last.put(r.getLong(1), r.getDouble(3));
            }
        }
        // locking reads from here: they see what a batch that held these rows before us committed, where a
        // plain read would see the transaction's older snapshot
        Map<Long, Map<AlarmKind, Long>> open = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT point_id, kind, id FROM alarm"
                + " WHERE open_key IS NOT NULL AND point_id IN " + in + " FOR UPDATE"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                open.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(AlarmKind.class))
                        .put(AlarmKind.valueOf(r.getString(2)), r.getLong(3));
            }
        }
        Map<Long, Map<AlarmKind, PointState.Pending>> pending = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT point_id, kind, since, value FROM alarm_pending"
                + " WHERE point_id IN " + in + " FOR UPDATE"); ResultSet r = q.executeQuery()) {
            while (r.next()) {
                pending.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(AlarmKind.class)).put(
                        AlarmKind.valueOf(r.getString(2)), new PointState.Pending(
                                Columns.utc(r, 3), r.getDouble(4)));
            }
        }
        Map<Long, PointState> states = new LinkedHashMap<>();
        for (long p : ordered) {
            states.put(p, new PointState(until.get(p), last.get(p), open.getOrDefault(p, Map.of()),
                    pending.getOrDefault(p, Map.of())));
        }
        return states;
    }

    private static void save(Connection c, Map<Long, PointState> states) throws SQLException {
        List<Object[]> rows = new ArrayList<>(states.size());
        try (PreparedStatement drop = c.prepareStatement("DELETE FROM alarm_pending WHERE point_id = ?");
                PreparedStatement add = c.prepareStatement(
                        "INSERT INTO alarm_pending (point_id, kind, since, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, PointState> e : states.entrySet()) {
                PointState s = e.getValue();
                rows.add(new Object[] {e.getKey(), utc(s.evaluatedUntil()), s.lastValue()});
                if (s.pendingChanged()) {
                    drop.setLong(1, e.getKey());
                    drop.addBatch();
                    for (Map.Entry<AlarmKind, PointState.Pending> p : s.pending().entrySet()) {
                        add.setLong(1, e.getKey());
                        add.setString(2, p.getKey().name());
                        add.setObject(3, utc(p.getValue().since()));
                        add.setDouble(4, p.getValue().value());
                        add.addBatch();
                    }
                }
            }
            // the rows exist and are locked (lockStates): this updates them all in one statement
            MultiRowInsert.execute(c, "INSERT INTO alarm_point_state (point_id, evaluated_until, last_value) VALUES",
                    "ON DUPLICATE KEY UPDATE evaluated_until = VALUES(evaluated_until), last_value = VALUES(last_value)",
                    rows);
            drop.executeBatch();
            add.executeBatch();
        }
    }

    /** Inserts an uncleared alarm; null when that condition already has one (another server's timer won). */
    private static Long insert(Connection c, long organisation, long facility, Long point, Long device, AlarmKind kind,
            Severity severity, Instant at, Double value, Double limit, boolean open) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO alarm (organisation_id, facility_id, point_id,"
                + " device_id, kind, severity, open_key, raised_at, raised_value, limit_value)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, organisation);
            insert.setLong(2, facility);
            insert.setObject(3, point, Types.BIGINT);
            insert.setObject(4, device, Types.BIGINT);
            insert.setString(5, kind.name());
            insert.setString(6, severity.name());
            insert.setString(7, open ? (point != null ? "P" + point : "D" + device) + ":" + kind : null);
            insert.setObject(8, utc(at));
            insert.setObject(9, value, Types.DOUBLE);
            insert.setObject(10, limit, Types.DOUBLE);
            try {
                insert.executeUpdate();
            } catch (SQLIntegrityConstraintViolationException duplicate) {
                // only this statement failed; the transaction goes on
                return null;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void clear(Connection c, long alarm, Instant at, Double value) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE alarm SET cleared_at = ?, cleared_value = ?, open_key = NULL WHERE id = ?")) {
            update.setObject(1, utc(at));
            update.setObject(2, value, Types.DOUBLE);
            update.setLong(3, alarm);
            update.executeUpdate();
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Writes what evaluation decides, mails it and collects the signals for open pages. */
    private final class Sink implements PointState.Sink {

        private final Connection c;
        private final Instant now;
        private final List<AlarmSignal> signals;
        private final Map<Long, AlarmSignal> raised = new HashMap<>();

        Sink(Connection c, Instant now, List<AlarmSignal> signals) {
            this.c = c;
            this.now = now;
            this.signals = signals;
        }

        @Override
        public long raise(PointRules rules, AlarmKind kind, Instant at, double value) {
            return raise(rules, kind, at, value, true);
        }

        /** An alarm of the past, to be cleared at once: it holds no open key, so it never meets the open one. */
        long raisePast(PointRules rules, AlarmKind kind, Instant at, double value) {
            return raise(rules, kind, at, value, false);
        }

        private long raise(PointRules rules, AlarmKind kind, Instant at, double value, boolean open) {
            try {
                Severity severity = rules.limits().get(kind).severity();
                Long id = insert(c, rules.organisationId(), rules.facilityId(), rules.pointId(), null, kind, severity, at,
                        value, rules.limits().get(kind).value(), open);
                if (id == null) {
                    throw new IllegalStateException("alarm " + kind + " of point " + rules.pointId()
                            + " is open although its evaluation row, locked here, says it is not");
                }
                mail.raised(c, id, now);
                AlarmSignal signal = new AlarmSignal(rules.organisationId(), rules.facilityId(), id,
                        AlarmSignal.Event.RAISED, severity);
                raised.put(id, signal);
                signals.add(signal);
                return id;
            } catch (SQLException e) {
                throw new AlarmStoreException(e);
            }
        }

        @Override
        public void clear(long alarmId, Instant at, double value) {
            try {
                AlarmEngine.clear(c, alarmId, at, value);
                mail.cleared(c, alarmId, now);
                AlarmSignal known = raised.get(alarmId);
                signals.add(known != null ? new AlarmSignal(known.organisationId(), known.facilityId(), alarmId,
                        AlarmSignal.Event.CLEARED, known.severity()) : signal(c, alarmId));
            } catch (SQLException e) {
                throw new AlarmStoreException(e);
            }
        }
    }

    private static AlarmSignal signal(Connection c, long alarmId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT organisation_id, facility_id, severity FROM alarm WHERE id = ?")) {
            q.setLong(1, alarmId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new AlarmSignal(r.getLong(1), r.getLong(2), alarmId, AlarmSignal.Event.CLEARED,
                        Severity.valueOf(r.getString(3)));
            }
        }
    }

    /** A database failure inside evaluation; it rolls the whole batch back. */
    static final class AlarmStoreException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        AlarmStoreException(SQLException cause) {
            super(cause);
        }
    }
}
