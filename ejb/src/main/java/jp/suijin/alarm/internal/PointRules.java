package jp.suijin.alarm.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/**
 * The alarm definition of one point as evaluation uses it: the configured conditions with their
 * severity and limit, the deadband and on-delay, and whether new alarms may rise (not disabled, not
 * shelved at the time of evaluation).
 */
record PointRules(long pointId, long organisationId, long facilityId, Map<AlarmKind, Limit> limits,
        Set<Long> faultStates, double deadband, Duration onDelay, boolean raising) {

    /** A configured condition; {@code value} is null for a fault state. */
    record Limit(Severity severity, Double value) {
    }

    PointRules {
        limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
        faultStates = Set.copyOf(faultStates);
    }

    /** Whether {@code value} is in the condition {@code kind} (e.g. at or above the high limit). */
    boolean in(AlarmKind kind, double value) {
        Limit limit = limits.get(kind);
        if (limit == null) {
            return false;
        }
        return switch (kind) {
            case HIGH_HIGH, HIGH -> value >= limit.value();
            case LOW, LOW_LOW -> value <= limit.value();
            case STATE -> value == Math.rint(value) && faultStates.contains((long) value);
            case COMM_LOSS -> false;
        };
    }

    /** Whether an alarm of {@code kind} clears at {@code value}: back inside its limit by the deadband. */
    boolean recovered(AlarmKind kind, double value) {
        Limit limit = limits.get(kind);
        if (limit == null) {
            return true;
        }
        return switch (kind) {
            case HIGH_HIGH, HIGH -> value < limit.value() - deadband;
            case LOW, LOW_LOW -> value > limit.value() + deadband;
            case STATE -> !in(kind, value);
            case COMM_LOSS -> true;
        };
    }

    /** Whether new alarms may rise at {@code now}, from the definition's switch and shelving. */
    static boolean raising(boolean enabled, Instant shelvedUntil, Instant now) {
        return enabled && (shelvedUntil == null || !shelvedUntil.isAfter(now));
    }
}
