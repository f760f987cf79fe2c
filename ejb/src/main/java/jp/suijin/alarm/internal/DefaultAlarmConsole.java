package jp.suijin.alarm.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmBroadcast;
import jp.suijin.alarm.AlarmConsole;
import jp.suijin.alarm.AlarmExportFormat;
import jp.suijin.alarm.AlarmFacility;
import jp.suijin.alarm.AlarmFilter;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.alarm.AlarmSignal;
import jp.suijin.alarm.AlarmSummary;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.ExportResult;
import jp.suijin.audit.Outcome;
import jp.suijin.audit.RecordPage;
import jp.suijin.audit.Seek;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.persistence.alarm.Alarm;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.MeasurementPoint;

/**
 * Lists read with plain JDBC (one row joins facility, point or device and the acknowledging user);
 * acknowledgement goes through the {@link Alarm} entity under a row lock, so of two operators
 * acknowledging at once the first one stands. History pages by position (raised time, id) on the
 * (organisation_id, raised_at) index, like the audit records.
 */
@Stateless
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DefaultAlarmConsole implements AlarmConsole {

    @Resource(lookup = "jdbc/suijin")
    private DataSource dataSource;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private CallerLookup callers;

    @Inject
    private Clock clock;

    @Inject
    private AuditLog auditLog;

    @Inject
    private AlarmBroadcast broadcast;

    @Override
    public List<AlarmRow> active(Long facilityId, Severity severity) {
        AlarmSql where = AlarmSql.visibleTo(callers.current()).and("a.needs_attention = TRUE");
        if (facilityId != null) {
            where.and("a.facility_id = ?", facilityId);
        }
        if (severity != null) {
            where.and("a.severity = ?", severity.name());
        }
        return rows(where.query("ORDER BY a.raised_at DESC, a.id DESC LIMIT " + ACTIVE_LIMIT), where);
    }

    @Override
    public AlarmSummary summary() {
        Caller caller = callers.current();
        AlarmSql counts = AlarmSql.visibleTo(caller).and("a.needs_attention = TRUE");
        long active;
        long unacknowledged;
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(a.acked_at IS NULL), 0)"
                        + " FROM alarm a" + counts.sql)) {
            counts.bind(q);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                active = r.getLong(1);
                unacknowledged = r.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting alarms failed", e);
        }
        AlarmRow newest = null;
        if (unacknowledged > 0) {
            AlarmSql where = AlarmSql.visibleTo(caller).and("a.needs_attention = TRUE").and("a.acked_at IS NULL");
            List<AlarmRow> rows = rows(where.query("ORDER BY a.raised_at DESC, a.id DESC LIMIT 1"), where);
            newest = rows.isEmpty() ? null : rows.get(0);
        }
        return new AlarmSummary(active, unacknowledged, newest);
    }

    @Override
    public List<AlarmFacility> facilities() {
        Caller caller = callers.current();
        long org = caller.requireOrganisation();
        List<Facility> facilities = em.createQuery("SELECT f FROM Facility f WHERE f.organisation.id = :org"
                + " ORDER BY f.displayOrder, f.id", Facility.class).setParameter("org", org).getResultList().stream()
                .filter(f -> caller.maySee(f.getId())).toList();
        Map<Long, List<AlarmFacility.Point>> points = new LinkedHashMap<>();
        facilities.forEach(f -> points.put(f.getId(), new ArrayList<>()));
        for (MeasurementPoint p : em.createQuery("SELECT p FROM MeasurementPoint p WHERE p.facility.organisation.id = :org"
                + " ORDER BY p.displayOrder, p.id", MeasurementPoint.class).setParameter("org", org).getResultList()) {
            List<AlarmFacility.Point> of = points.get(p.getFacility().getId());
            if (of != null) {
                of.add(new AlarmFacility.Point(p.getId(), p.getCode(), p.getName()));
            }
        }
        return facilities.stream()
                .map(f -> new AlarmFacility(f.getId(), f.getName(), List.copyOf(points.get(f.getId())))).toList();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
    public int acknowledge(List<Long> alarmIds, String comment) {
        Caller caller = callers.current();
        long org = caller.requireOrganisation();
        // not contains(null): immutable lists (List.of, as the alarm list passes) throw on it
        if (alarmIds == null || alarmIds.isEmpty() || alarmIds.stream().anyMatch(Objects::isNull)) {
            throw new AdministrationException("alarmIds", "alarm.error.none");
        }
        Set<Long> ids = new LinkedHashSet<>(alarmIds);
        if (ids.size() > MAX_BULK) {
            throw new AdministrationException("alarmIds", "alarm.error.tooMany", MAX_BULK);
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.codePointCount(0, text.length()) > MAX_COMMENT) {
            throw new AdministrationException("comment", "alarm.error.comment", MAX_COMMENT);
        }
        List<Alarm> alarms = em.createQuery("SELECT a FROM Alarm a WHERE a.id IN :ids AND a.organisationId = :org"
                + " ORDER BY a.id", Alarm.class)
                .setParameter("ids", ids).setParameter("org", org)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().filter(a -> caller.maySee(a.getFacilityId())).toList();
        if (alarms.size() != ids.size()) {
            // another organisation's alarm, or one of a facility the caller may not see, is simply unknown
            throw new AdministrationException("alarmIds", "alarm.error.unknown");
        }
        Instant now = clock.instant();
        List<Long> acknowledged = new ArrayList<>();
        List<AlarmSignal> signals = new ArrayList<>();
        for (Alarm a : alarms) {
            if (a.acknowledge(caller.userId(), now, text)) {
                acknowledged.add(a.getId());
                signals.add(new AlarmSignal(org, a.getFacilityId(), a.getId(), AlarmSignal.Event.ACKNOWLEDGED,
                        a.getSeverity()));
            }
        }
        broadcast.afterCommit(signals);
        // the operation record shows the ids asked for (a long list only as its length); this one which took effect
        auditLog.event("alarm_acknowledged", Outcome.OK, caller.loginId(), org, "alarms=" + acknowledged.size(),
                "alarmIds=" + acknowledged + ", alreadyAcknowledged=" + (ids.size() - acknowledged.size()));
        return acknowledged.size();
    }

    @Override
    public RecordPage<AlarmRow> history(AlarmFilter filter, Seek seek) {
        AlarmSql where = AlarmSql.visibleTo(callers.current()).history(filter.checked());
        if (seek.from() != null) {
            String cmp = seek.newer() ? ">" : "<";
            where.and("(a.raised_at " + cmp + " ? OR (a.raised_at = ? AND a.id " + cmp + " ?))",
                    AlarmSql.utc(seek.from().recordedAt()), AlarmSql.utc(seek.from().recordedAt()), seek.from().seq());
        }
        String order = seek.newer() ? "ASC" : "DESC";
        int limit = seek.limit();
        List<AlarmRow> rows = new ArrayList<>(rows(where.query("ORDER BY a.raised_at " + order + ", a.id " + order
                + " LIMIT " + (limit + 1)), where));
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(limit);
        }
        if (seek.newer()) {
            Collections.reverse(rows);
        }
        return new RecordPage<>(List.copyOf(rows), more);
    }

    // streamed for as long as the download takes: no transaction held open meanwhile
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ExportResult export(AlarmFilter filter, AlarmExportFormat format, Locale locale, OutputStream out) {
        if (format == null) {
            throw new AdministrationException("format", "alarm.error.format");
        }
        Caller caller = callers.current();
        AlarmSql where = AlarmSql.visibleTo(caller).history(filter.checked());
        String sql = where.query("ORDER BY a.raised_at DESC, a.id DESC LIMIT " + (EXPORT_CAP + 1));
        AlarmText text = AlarmText.of(locale);
        long rows = 0;
        boolean capped = false;
        boolean finished = false;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q);
            q.setFetchSize(1000); // the driver streams in batches instead of reading every row first
            try (ResultSet r = q.executeQuery();
                    AlarmExport file = format == AlarmExportFormat.CSV ? new AlarmCsv(text, out) : new AlarmXlsx(text)) {
                while (r.next()) {
                    if (rows == EXPORT_CAP) {
                        capped = true;
                        break;
                    }
                    file.write(AlarmSql.row(r));
                    rows++;
                }
                file.finish(out);
            }
            finished = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Exporting alarms failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Exporting alarms was broken off", e);
        } finally {
            // recorded however it ended: a broken-off export still let the counted rows out
            auditLog.event("data_export", finished ? Outcome.OK : Outcome.ERROR, caller.loginId(),
                    caller.organisationId(), "alarm", "format=" + format + ", rows=" + rows
                            + (capped ? " (capped)" : "") + ", filter=" + filter.describe());
        }
        return new ExportResult(rows, capped);
    }

    private List<AlarmRow> rows(String sql, AlarmSql where) {
        List<AlarmRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            where.bind(q);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(AlarmSql.row(r));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading alarms failed", e);
        }
        return rows;
    }
}
