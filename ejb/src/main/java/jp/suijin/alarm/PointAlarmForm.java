package jp.suijin.alarm;

import java.io.Serializable;
import java.util.List;
import jp.suijin.persistence.alarm.Severity;

/**
 * What an administrator enters for a point's alarms. For analog points and counters the four limits
 * (each optional, with its own severity), the deadband and the on-delay count; for STATE points the
 * fault states (from the point's state labels), their severity and the on-delay. Fields the kind does
 * not use are not stored.
 */
public record PointAlarmForm(Double highHigh, Severity highHighSeverity, Double high, Severity highSeverity,
        Double low, Severity lowSeverity, Double lowLow, Severity lowLowSeverity, Double deadband,
        Integer onDelaySeconds, List<Long> faultStates, Severity stateSeverity) implements Serializable {

    public PointAlarmForm {
        faultStates = faultStates == null ? List.of() : List.copyOf(faultStates);
    }

    /** A limit by its field name (highHigh, high, low, lowLow), for pages that list the four alike. */
    public Double limit(String field) {
        return switch (field) {
            case "highHigh" -> highHigh;
            case "high" -> high;
            case "low" -> low;
            case "lowLow" -> lowLow;
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The severity of a limit by the limit's field name. */
    public Severity severity(String field) {
        return switch (field) {
            case "highHigh" -> highHighSeverity;
            case "high" -> highSeverity;
            case "low" -> lowSeverity;
            case "lowLow" -> lowLowSeverity;
            default -> throw new IllegalArgumentException(field);
        };
    }
}
