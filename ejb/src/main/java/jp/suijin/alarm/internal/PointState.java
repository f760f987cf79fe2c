package jp.suijin.alarm.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.suijin.alarm.AlarmSample;
import jp.suijin.persistence.alarm.AlarmKind;

/**
 * Where one point's alarm evaluation stands: up to which sample time it has run, its uncleared alarms
 * and the conditions waiting out their on-delay. {@link #evaluate} moves it through new samples in
 * time order and tells a {@link Sink} what rose and cleared.
 */
final class PointState {

    /** A condition that holds but not yet for the on-delay: since its first sample. */
    record Pending(Instant since, double value) {
    }

    /** Where raised and cleared alarms are written. */
    interface Sink {

        /** @return the new alarm's id */
        long raise(PointRules rules, AlarmKind kind, Instant at, double value);

        void clear(long alarmId, Instant at, double value);
    }

    private Instant evaluatedUntil;
    private double lastValue;
    private final Map<AlarmKind, Long> open;
    private final Map<AlarmKind, Pending> pending;
    private boolean pendingChanged;

    PointState(Instant evaluatedUntil, double lastValue, Map<AlarmKind, Long> open, Map<AlarmKind, Pending> pending) {
        this.evaluatedUntil = evaluatedUntil;
        this.lastValue = lastValue;
        this.open = new EnumMap<>(AlarmKind.class);
        this.open.putAll(open);
        this.pending = new EnumMap<>(AlarmKind.class);
        this.pending.putAll(pending);
    }

    /**
     * Evaluates the samples newer than those already evaluated, oldest first. An older sample (a retried
     * batch, or a late one behind newer samples) changes nothing: the alarms already reflect what came
     * after it. Samples of bad quality are skipped, as the instrument's value means nothing then.
     */
    void evaluate(PointRules rules, List<AlarmSample> samples, Sink sink) {
        for (AlarmSample s : samples) {
            if (!s.time().isAfter(evaluatedUntil)) {
                continue;
            }
            evaluatedUntil = s.time();
            if (s.bad()) {
                continue;
            }
            lastValue = s.value();
            step(rules, s.time(), s.value(), sink);
        }
    }

    private void step(PointRules rules, Instant at, double value, Sink sink) {
        for (AlarmKind kind : AlarmKind.values()) {
            Long alarm = open.get(kind);
            if (alarm != null) {
                // also clears an alarm whose condition is no longer configured at all
                if (rules.recovered(kind, value)) {
                    sink.clear(alarm, at, value);
                    open.remove(kind);
                }
            } else if (rules.raising() && rules.in(kind, value)) {
                Pending p = pending.get(kind);
                if (p == null && !rules.onDelay().isZero()) {
                    pending.put(kind, new Pending(at, value));
                    pendingChanged = true;
                } else if (p == null || !at.isBefore(p.since().plus(rules.onDelay()))) {
                    open.put(kind, sink.raise(rules, kind, at, value));
                    dropPending(kind);
                }
            } else {
                dropPending(kind);
            }
        }
    }

    /**
     * Raises the conditions whose on-delay has passed by {@code now} without a sample to confirm it: the
     * last value stays in the condition until a sample says otherwise. The alarm rises at the moment the
     * delay ran out.
     */
    void expirePending(PointRules rules, Instant now, Sink sink) {
        for (AlarmKind kind : List.copyOf(pending.keySet())) {
            Instant due = pending.get(kind).since().plus(rules.onDelay());
            if (open.containsKey(kind) || !rules.raising() || !rules.in(kind, lastValue)) {
                dropPending(kind);
            } else if (!due.isAfter(now)) {
                open.put(kind, sink.raise(rules, kind, due, lastValue));
                dropPending(kind);
            }
        }
    }

    private void dropPending(AlarmKind kind) {
        if (pending.remove(kind) != null) {
            pendingChanged = true;
        }
    }

    Instant evaluatedUntil() {
        return evaluatedUntil;
    }

    double lastValue() {
        return lastValue;
    }

    Map<AlarmKind, Pending> pending() {
        return pending;
    }

    boolean pendingChanged() {
        return pendingChanged;
    }
}
