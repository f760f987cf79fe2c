package jp.suijin.alarm;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import jp.suijin.audit.Seek;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;

/**
 * One alarm as lists and exports show it. A point's alarm names the point ({@code sourceCode},
 * {@code sourceName}: its code and name, with {@code unit} and {@code decimals}); a communication loss
 * names the device. {@code stateLabel} is the label of a state alarm's raised state, when defined.
 */
public record AlarmRow(long id, long facilityId, String facilityName, Long pointId, String sourceCode,
        String sourceName, String unit, int decimals, AlarmKind kind, Severity severity, Instant raisedAt,
        Double raisedValue, String stateLabel, Double limitValue, Instant clearedAt, Double clearedValue,
        Instant ackedAt, String ackedBy, String ackComment) implements Serializable {

    public boolean cleared() {
        return clearedAt != null;
    }

    public boolean acknowledged() {
        return ackedAt != null;
    }

    /** Raised to cleared; null while the condition lasts. */
    public Duration clearedAfter() {
        return clearedAt == null ? null : Duration.between(raisedAt, clearedAt);
    }

    /** Raised to acknowledged; null until acknowledged. */
    public Duration acknowledgedAfter() {
        return ackedAt == null ? null : Duration.between(raisedAt, ackedAt);
    }

    /** The row's place in the history's newest-first order. */
    public Seek.Position position() {
        return new Seek.Position(raisedAt, id);
    }
}
