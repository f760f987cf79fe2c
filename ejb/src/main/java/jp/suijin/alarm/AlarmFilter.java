package jp.suijin.alarm;

import java.io.Serializable;
import java.time.Instant;
import jp.suijin.admin.AdministrationException;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/**
 * What the history looks for: alarms raised in [from, to), optionally of one facility, point,
 * severity and kind, and in one state. A facility or point the caller may not see matches nothing.
 */
public record AlarmFilter(Instant from, Instant to, Long facilityId, Long pointId, Severity severity, AlarmKind kind,
        AlarmState state) implements Serializable {

    /** @throws AdministrationException naming the field that cannot be searched for */
    public AlarmFilter checked() {
        if (from == null) {
            throw new AdministrationException("from", "alarm.error.from");
        }
        if (to == null) {
            throw new AdministrationException("to", "alarm.error.to");
        }
        if (!from.isBefore(to)) {
            throw new AdministrationException("to", "alarm.error.range");
        }
        return this;
    }

    /** One line for the export's own audit record. */
    public String describe() {
        StringBuilder b = new StringBuilder("from=").append(from).append(", to=").append(to);
        append(b, "facilityId", facilityId);
        append(b, "pointId", pointId);
        append(b, "severity", severity);
        append(b, "kind", kind);
        append(b, "state", state);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(", ").append(name).append('=').append(value);
        }
    }
}
