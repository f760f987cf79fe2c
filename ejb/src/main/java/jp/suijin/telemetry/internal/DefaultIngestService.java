package jp.suijin.telemetry.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import jp.suijin.alarm.AlarmEvaluation;
import jp.suijin.alarm.AlarmSample;
import jp.suijin.audit.AuditContext;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.jdbc.Columns;
import jp.suijin.jdbc.MultiRowInsert;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.facility.Quality;
import jp.suijin.resilience.DatabaseOutage;
import jp.suijin.resilience.DatabaseUnavailableException;
import jp.suijin.telemetry.AuthenticatedDevice;
import jp.suijin.telemetry.DeviceAuthenticationException;
import jp.suijin.telemetry.IngestConflictException;
import jp.suijin.telemetry.IngestResult;
import jp.suijin.telemetry.IngestService;
import jp.suijin.telemetry.SampleInput;
import jp.suijin.telemetry.SampleRejection;
import jp.suijin.telemetry.StateLabels;

/**
 * Devices authenticate with their token, not as users, so the methods are open to the container and
 * check the device themselves: the token alone finds the device, before the request body is read. A
 * batch is then plain JDBC on one connection: one query for the device and its
 * points, the samples as a JDBC batch (not one INSERT per sample), then current values, rollup marks
 * and alarm state as one multi-row statement each. The server spent more on anything heavier (JPA,
 * a connection per step, a statement per row) than on the samples themselves.
 */
@Stateless
@PermitAll
public class DefaultIngestService implements IngestService {

    /** How many days late a sample may arrive (a device catching up after an outage). */
    public static final String LATE_WINDOW_PROPERTY = "suijin.telemetry.late-window-days";
    static final int DEFAULT_LATE_WINDOW_DAYS = 7;
    static final int MAXIMUM_LATE_WINDOW_DAYS = 90;
    /** Clock drift tolerated for samples stamped ahead of the server. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** Share of a point's span a value may lie outside its range (over-range) before it is refused. */
    static final double RANGE_MARGIN = 0.1;

    private static final Logger LOG = Logger.getLogger(DefaultIngestService.class.getName());

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog audit;

    @Inject
    private AlarmEvaluation alarms;

    private Duration lateWindow;

    @PostConstruct
    void readSettings() {
        lateWindow = lateWindow(System.getProperty(LATE_WINDOW_PROPERTY));
    }

    /** Not in a transaction: one read, and a refusal's audit event stands on its own (see AuditLog). */
    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AuthenticatedDevice authenticate(String token) {
        Long id = null;
        String code = null;
        boolean enabled = false;
        Long organisation = null;
        boolean ambiguous = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id, code, enabled, organisation_id FROM field_device WHERE token_hash = ?")) {
            q.setBytes(1, tokenHash(token));
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) {
                    id = r.getLong(1);
                    code = r.getString(2);
                    enabled = r.getBoolean(3);
                    organisation = r.getLong(4);
                    // two devices with one token are never made by the service (256 random bits); trust neither
                    ambiguous = r.next();
                }
            }
        } catch (SQLException e) {
            if (DatabaseOutage.isOutage(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw new EJBException("finding the device of a token failed", e);
        }
        if (id == null || ambiguous || !enabled) {
            refuse(id == null ? null : code, organisation, id == null ? "no device has this token"
                    : ambiguous ? "more than one device has this token" : "device disabled");
        }
        AuditContext.identify("device:" + code, organisation);
        return new AuthenticatedDevice(id, code);
    }

    @Override
    public IngestResult ingest(long deviceId, String token, List<SampleInput> samples) {
        // one connection for the whole batch: each getConnection in a transaction costs a trip through the pool
        try (Connection c = dataSource.getConnection()) {
            return ingest(c, deviceId, token, samples);
        } catch (SQLException e) {
            throw failure(e, samples.size(), deviceId);
        } catch (RuntimeException e) {
            // alarm evaluation wraps its SQL errors: a deadlock there is a conflict like one here
            if (conflict(e) || DatabaseOutage.isOutage(e)) {
                throw failure(e, samples.size(), deviceId);
            }
            throw e;
        }
    }

    /** What a failed batch is: a conflict the device may send again, an outage, or an error. */
    private static RuntimeException failure(Exception e, int samples, long deviceId) {
        if (conflict(e)) {
            return new IngestConflictException("storing " + samples + " samples conflicted with concurrent"
                    + " writers (" + e.getMessage() + ")");
        }
        if (DatabaseOutage.isOutage(e)) {
            return new DatabaseUnavailableException(e);
        }
        return new EJBException("storing " + samples + " samples of device " + deviceId + " failed", e);
    }

    private IngestResult ingest(Connection c, long deviceId, String token, List<SampleInput> samples)
            throws SQLException {
        Device device = device(c, deviceId, token);
        Map<String, Point> points = device.points();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ValidSample> valid = new ArrayList<>(samples.size());
        List<SampleRejection> rejected = new ArrayList<>();
        Set<PointTime> seen = new HashSet<>();
        for (SampleInput in : samples) {
            String problem = in.problem();
            ValidSample sample = null;
            if (problem == null) {
                try {
                    sample = validate(in, points, now, lateWindow, device.code());
                    if (!seen.add(new PointTime(sample.pointId, sample.time))) {
                        problem = "duplicate of an earlier sample in this batch (same point and time)";
                    }
                } catch (InvalidSample e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                rejected.add(new SampleRejection(in.index(), in.point(), problem));
            } else {
                valid.add(sample);
            }
        }
        store(c, device.id(), valid, now);
        return new IngestResult(valid.size(), List.copyOf(rejected));
    }

    /**
     * One query for the device of the token and its enabled points; the device {@link #authenticate}
     * found, unless it was disabled or given a new token since.
     */
    private Device device(Connection c, long deviceId, String token) throws SQLException {
        Long id = null;
        String code = null;
        boolean enabled = false;
        Long organisation = null;
        Map<String, Point> points = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT d.id, d.code, d.enabled, d.organisation_id,"
                + " p.id, p.code, p.kind, p.unit, p.range_low, p.range_high, p.state_labels FROM field_device d"
                + " LEFT JOIN measurement_point p ON p.device_id = d.id AND p.enabled"
                + " WHERE d.token_hash = ? AND d.id = ?")) {
            q.setBytes(1, tokenHash(token));
            q.setLong(2, deviceId);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    id = r.getLong(1);
                    code = r.getString(2);
                    enabled = r.getBoolean(3);
                    organisation = r.getLong(4);
                    long point = r.getLong(5);
                    if (!r.wasNull()) {
                        points.put(r.getString(6), new Point(point, r.getString(6), PointKind.valueOf(r.getString(7)),
                                r.getString(8), Columns.nullableDouble(r, 9), Columns.nullableDouble(r, 10),
                                r.getString(11)));
                    }
                }
            }
        }
        if (id == null || !enabled) {
            refuse(code, organisation, id == null ? "token changed" : "device disabled");
        }
        AuditContext.identify("device:" + code, organisation);
        return new Device(id, code, points);
    }

    private void refuse(String deviceCode, Long organisation, String why) {
        audit.event("authn_device_fail", Outcome.DENIED, deviceCode == null ? null : "device:" + deviceCode,
                organisation, null, why);
        throw new DeviceAuthenticationException();
    }

    private static byte[] tokenHash(String token) {
        return PasswordHasher.sha256(token == null ? "" : token);
    }

    private static ValidSample validate(SampleInput in, Map<String, Point> points, Instant now,
            Duration lateWindow, String deviceCode) {
        if (in.point() == null || in.point().isBlank()) {
            throw new InvalidSample("point is missing");
        }
        Point point = points.get(in.point());
        if (point == null) {
            throw new InvalidSample("unknown point code '" + in.point() + "' for device '" + deviceCode + "'");
        }
        Instant time = parseTime(in.time());
        if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new InvalidSample("time " + in.time() + " is in the future");
        }
        if (time.isBefore(now.minus(lateWindow))) {
            throw new InvalidSample("time " + in.time() + " is older than the late window of "
                    + lateWindow.toDays() + " days");
        }
        Double value = in.value();
        if (value == null) {
            throw new InvalidSample("value is missing");
        }
        // a 1e400 in the body arrives as infinity; larger values than the bound would make sums non-finite
        if (!(Math.abs(value) <= MAX_VALUE_MAGNITUDE)) {
            throw new InvalidSample("value " + value + " is beyond " + MAX_VALUE_MAGNITUDE
                    + " in magnitude, the largest a sample may have");
        }
        checkValue(point, value);
        return new ValidSample(point.id(), point.kind() == PointKind.COUNTER, time, value, parseQuality(in.quality()));
    }

    /**
     * A setting outside 1 to {@value #MAXIMUM_LATE_WINDOW_DAYS} days (apply.sh refuses it) falls back to the
     * default with a warning: refusing every sample for a bad setting would lose data.
     */
    static Duration lateWindow(String value) {
        if (value != null && !value.isBlank()) {
            try {
                int days = Integer.parseInt(value.strip());
                if (days >= 1 && days <= MAXIMUM_LATE_WINDOW_DAYS) {
                    return Duration.ofDays(days);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.warning(() -> LATE_WINDOW_PROPERTY + "=" + value + " is not 1 to " + MAXIMUM_LATE_WINDOW_DAYS
                    + " days; using " + DEFAULT_LATE_WINDOW_DAYS);
        }
        return Duration.ofDays(DEFAULT_LATE_WINDOW_DAYS);
    }

    private static Instant parseTime(String time) {
        if (time == null || time.isBlank()) {
            throw new InvalidSample("time is missing");
        }
        try {
            return SampleTimes.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidSample("time '" + time + "' is not an ISO-8601 timestamp with offset,"
                    + " e.g. 2026-11-28T09:00:00+09:00");
        }
    }

    private static void checkValue(Point point, double value) {
        if (point.kind() == PointKind.STATE) {
            if (value != Math.rint(value) || value < 0) {
                throw new InvalidSample("state " + value + " is not a whole number >= 0");
            }
            if (point.stateLabels() != null && StateLabels.label(point.stateLabels(), value) == null) {
                throw new InvalidSample("state " + (long) value + " is not defined for point '" + point.code() + "'");
            }
            return;
        }
        if (point.kind() == PointKind.COUNTER) {
            if (value < 0) {
                throw new InvalidSample("counter value " + value + " is negative");
            }
            // a counter's upper range is the meter's roll-over: it shows values below it, never the value itself
            if (point.high() != null && value >= point.high()) {
                throw new InvalidSample("counter value " + value + " is not below the meter's roll-over at "
                        + point.high());
            }
            return;
        }
        Double low = point.low();
        Double high = point.high();
        if (low != null && high != null) {
            double margin = (high - low) * RANGE_MARGIN;
            if (value < low - margin || value > high + margin) {
                throw new InvalidSample("value " + value + " is outside the physical range " + low + " to " + high
                        + (point.unit() == null ? "" : " " + point.unit()));
            }
        }
    }

    private static Quality parseQuality(String quality) {
        if (quality == null) {
            return Quality.GOOD;
        }
        try {
            return Quality.valueOf(quality.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSample("quality '" + quality + "' must be good, uncertain or bad");
        }
    }

    private void store(Connection c, long deviceId, List<ValidSample> samples, Instant now) throws SQLException {
        // a stable order keeps concurrent retries of overlapping batches from deadlocking; the first
        // value stored for a point and time wins, in the history and in the current value alike
        samples.sort(Comparator.comparingLong(ValidSample::pointId).thenComparing(ValidSample::time));
        Map<Long, ValidSample> latest = new HashMap<>();
        for (ValidSample s : samples) {
            latest.merge(s.pointId, s, (a, b) -> b.time.isAfter(a.time) ? b : a);
        }
        LocalDateTime received = utc(now);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sample"
                + " (point_id, sample_time, value, quality, received_at) VALUES (?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE point_id = point_id")) {
            for (ValidSample s : samples) {
                insert.setLong(1, s.pointId);
                insert.setObject(2, utc(s.time));
                insert.setDouble(3, s.value);
                insert.setInt(4, s.quality.code());
                insert.setObject(5, received);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<Object[]> current = new ArrayList<>(latest.size());
        for (ValidSample s : latest.values().stream().sorted(Comparator.comparingLong(ValidSample::pointId)).toList()) {
            current.add(new Object[] {s.pointId, utc(s.time), s.value, s.quality.code()});
        }
        MultiRowInsert.execute(c, "INSERT INTO point_current (point_id, sample_time, value, quality) VALUES",
                "ON DUPLICATE KEY UPDATE value = IF(VALUES(sample_time) > sample_time, VALUES(value), value),"
                + " quality = IF(VALUES(sample_time) > sample_time, VALUES(quality), quality),"
                + " sample_time = GREATEST(sample_time, VALUES(sample_time))", current);
        // the hours to recompute (Rollups); for a counter the next one too, whose increase starts from this one's last sample
        Set<PointTime> marked = new HashSet<>();
        List<Object[]> marks = new ArrayList<>();
        for (ValidSample s : samples) {
            Instant hour = s.time.truncatedTo(ChronoUnit.HOURS);
            for (Instant h : s.counter ? new Instant[] {hour, hour.plus(1, ChronoUnit.HOURS)} : new Instant[] {hour}) {
                if (marked.add(new PointTime(s.pointId, h))) {
                    marks.add(new Object[] {s.pointId, utc(h)});
                }
            }
        }
        MultiRowInsert.execute(c, "INSERT IGNORE INTO rollup_pending (point_id, hour_start) VALUES", "", marks);
        try (PreparedStatement seen = c.prepareStatement("UPDATE field_device SET last_seen_at = ? WHERE id = ?")) {
            seen.setObject(1, received);
            seen.setLong(2, deviceId);
            seen.executeUpdate();
        }
        alarms.samplesStored(c, deviceId, samples.stream().map(s -> new AlarmSample(s.pointId, s.time, s.value,
                s.quality == Quality.BAD)).toList(), now);
    }

    /** A deadlock victim (SQL state 40001, MariaDB 1213) or a lock wait timeout (1205): the whole batch can be sent again. */
    static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException || t instanceof SQLException s
                    && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213 || s.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private record Device(long id, String code, Map<String, Point> points) {
    }

    /** What validation needs of a measurement point. */
    private record Point(long id, String code, PointKind kind, String unit, Double low, Double high, String stateLabels) {
    }

    private record PointTime(long pointId, Instant time) {
    }

    private record ValidSample(long pointId, boolean counter, Instant time, double value, Quality quality) {
    }

    private static final class InvalidSample extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidSample(String reason) {
            super(reason, null, false, false);
        }
    }
}
