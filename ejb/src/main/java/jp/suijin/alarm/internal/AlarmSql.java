package jp.suijin.alarm.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.alarm.AlarmFilter;
import jp.suijin.alarm.AlarmRow;
import jp.suijin.auth.Caller;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.telemetry.StateLabels;

/**
 * The alarm lists' SQL: one SELECT with the names the rows show, and a WHERE clause that always starts
 * with the caller's organisation (and, for a user limited to some facilities, those facilities), so no
 * query can forget the tenant.
 */
final class AlarmSql {

    static final String SELECT = "SELECT a.id, a.facility_id, f.name AS facility_name, a.point_id,"
            + " COALESCE(p.code, d.code) AS source_code, COALESCE(p.name, d.name) AS source_name, p.unit, p.decimals,"
            + " p.state_labels, a.kind, a.severity, a.raised_at, a.raised_value, a.limit_value, a.cleared_at,"
            + " a.cleared_value, a.acked_at, CONCAT(u.display_name, ' (', u.login_id, ')') AS acked_by, a.ack_comment"
            + " FROM alarm a JOIN facility f ON f.id = a.facility_id"
            + " LEFT JOIN measurement_point p ON p.id = a.point_id"
            + " LEFT JOIN field_device d ON d.id = a.device_id"
            + " LEFT JOIN app_user u ON u.id = a.acked_by";

    final StringBuilder sql = new StringBuilder(" WHERE a.organisation_id = ?");
    final List<Object> params = new ArrayList<>();

    private AlarmSql() {
    }

    /** The caller's organisation and the facilities they may see. */
    static AlarmSql visibleTo(Caller caller) {
        AlarmSql w = new AlarmSql();
        w.params.add(caller.requireOrganisation());
        if (!caller.facilityIds().isEmpty()) {
            w.sql.append(" AND a.facility_id IN (")
                    .append(String.join(",", caller.facilityIds().stream().map(id -> "?").toList())).append(')');
            w.params.addAll(caller.facilityIds());
        }
        return w;
    }

    AlarmSql and(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(List.of(values));
        return this;
    }

    AlarmSql history(AlarmFilter f) {
        and("a.raised_at >= ?", utc(f.from()));
        and("a.raised_at < ?", utc(f.to()));
        if (f.facilityId() != null) {
            and("a.facility_id = ?", f.facilityId());
        }
        if (f.pointId() != null) {
            and("a.point_id = ?", f.pointId());
        }
        if (f.severity() != null) {
            and("a.severity = ?", f.severity().name());
        }
        if (f.kind() != null) {
            and("a.kind = ?", f.kind().name());
        }
        if (f.state() != null) {
            and(switch (f.state()) {
                case ACTIVE -> "a.cleared_at IS NULL";
                case CLEARED -> "a.cleared_at IS NOT NULL";
                case ACKNOWLEDGED -> "a.acked_at IS NOT NULL";
                case UNACKNOWLEDGED -> "a.acked_at IS NULL";
            });
        }
        return this;
    }

    String query(String tail) {
        return SELECT + sql + " " + tail;
    }

    void bind(PreparedStatement q) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            q.setObject(i + 1, params.get(i));
        }
    }

    static AlarmRow row(ResultSet r) throws SQLException {
        AlarmKind kind = AlarmKind.valueOf(r.getString("kind"));
        Double raised = number(r, "raised_value");
        String labels = r.getString("state_labels");
        return new AlarmRow(r.getLong("id"), r.getLong("facility_id"), r.getString("facility_name"),
                (Long) r.getObject("point_id", Long.class), r.getString("source_code"), r.getString("source_name"),
                r.getString("unit"), r.getInt("decimals"), kind, Severity.valueOf(r.getString("severity")),
                instant(r, "raised_at"), raised,
                kind == AlarmKind.STATE && raised != null ? StateLabels.label(labels, raised) : null,
                number(r, "limit_value"), instant(r, "cleared_at"), number(r, "cleared_value"), instant(r, "acked_at"),
                r.getString("acked_by"), r.getString("ack_comment"));
    }

    private static Double number(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        LocalDateTime t = r.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
