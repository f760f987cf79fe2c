package jp.suijin.alarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.suijin.alarm.AlarmSample;
import jp.suijin.persistence.alarm.AlarmKind;
import jp.suijin.persistence.alarm.Severity;
import org.junit.jupiter.api.Test;

class PointStateTest {

    private static final Instant T0 = Instant.parse("2026-11-29T00:00:00Z");

    /** Records what evaluation decided, as "raise HIGH 4.2 @60" and "clear 1 @120". */
    private static final class Recorder implements PointState.Sink {

        final List<String> events = new ArrayList<>();
        long next = 1;

        @Override
        public long raise(PointRules rules, AlarmKind kind, Instant at, double value) {
            events.add("raise " + kind + " " + value + " @" + seconds(at));
            return next++;
        }

        @Override
        public void clear(long alarmId, Instant at, double value) {
            events.add("clear " + alarmId + " @" + seconds(at));
        }
    }

    private static long seconds(Instant at) {
        return Duration.between(T0, at).toSeconds();
    }

    private static AlarmSample at(long seconds, double value) {
        return new AlarmSample(7, T0.plusSeconds(seconds), value, false);
    }

    private static PointRules levels(double deadband, Duration onDelay, boolean raising) {
        Map<AlarmKind, PointRules.Limit> limits = new EnumMap<>(AlarmKind.class);
        limits.put(AlarmKind.HIGH_HIGH, new PointRules.Limit(Severity.MAJOR, 5.0));
        limits.put(AlarmKind.HIGH, new PointRules.Limit(Severity.MINOR, 4.0));
        limits.put(AlarmKind.LOW, new PointRules.Limit(Severity.MINOR, 1.0));
        return new PointRules(7, 1, 2, limits, Set.of(), deadband, onDelay, raising);
    }

    private static PointState fresh() {
        return new PointState(Instant.EPOCH, 0, Map.of(), Map.of());
    }

    @Test
    void valueHoveringAtTheLimitRaisesOnceAndClearsOnlyBelowTheDeadband() {
        PointState state = fresh();
        Recorder sink = new Recorder();
        state.evaluate(levels(0.2, Duration.ZERO, true),
                List.of(at(0, 3.9), at(60, 4.0), at(120, 3.9), at(180, 4.1), at(240, 3.81), at(300, 3.79)), sink);
        assertEquals(List.of("raise HIGH 4.0 @60", "clear 1 @300"), sink.events);
    }

    @Test
    void highHighAndHighAreSeparateAlarms() {
        PointState state = fresh();
        Recorder sink = new Recorder();
        state.evaluate(levels(0, Duration.ZERO, true), List.of(at(0, 5.2), at(60, 4.5), at(120, 0.5)), sink);
        assertEquals(List.of("raise HIGH_HIGH 5.2 @0", "raise HIGH 5.2 @0", "clear 1 @60", "clear 2 @120",
                "raise LOW 0.5 @120"), sink.events);
    }

    @Test
    void onDelayNeedsTheConditionToHoldThatLong() {
        PointState state = fresh();
        Recorder sink = new Recorder();
        PointRules rules = levels(0, Duration.ofSeconds(90), true);
        // 60 s in the condition, then out: nothing
        state.evaluate(rules, List.of(at(0, 4.5), at(60, 4.6), at(70, 3.0)), sink);
        assertTrue(sink.events.isEmpty(), sink.events.toString());
        assertTrue(state.pending().isEmpty());
        // in from 100 s; the sample at 190 s confirms 90 s
        state.evaluate(rules, List.of(at(100, 4.5), at(160, 4.6), at(190, 4.7)), sink);
        assertEquals(List.of("raise HIGH 4.7 @190"), sink.events);
    }

    @Test
    void onDelayRunsOutWithoutAFurtherSample() {
        PointState state = fresh();
        Recorder sink = new Recorder();
        PointRules rules = levels(0, Duration.ofSeconds(90), true);
        state.evaluate(rules, List.of(at(0, 4.5)), sink);
        state.expirePending(rules, T0.plusSeconds(89), sink);
        assertTrue(sink.events.isEmpty());
        state.expirePending(rules, T0.plusSeconds(95), sink);
        assertEquals(List.of("raise HIGH 4.5 @90"), sink.events);
        assertTrue(state.pending().isEmpty());
    }

    @Test
    void retriedAndLateSamplesChangeNothing() {
        PointState state = fresh();
        Recorder sink = new Recorder();
        PointRules rules = levels(0, Duration.ZERO, true);
        List<AlarmSample> batch = List.of(at(0, 3.0), at(60, 4.5));
        state.evaluate(rules, batch, sink);
        state.evaluate(rules, batch, sink);
        // a late sample from before the alarm, below the limit, does not clear it
        state.evaluate(rules, List.of(at(30, 2.0)), sink);
        assertEquals(List.of("raise HIGH 4.5 @60"), sink.events);
        assertEquals(T0.plusSeconds(60), state.evaluatedUntil());
    }

    @Test
    void badQualityIsSkippedAndShelvingRaisesNothingButStillClears() {
        PointState state = new PointState(Instant.EPOCH, 0, Map.of(AlarmKind.HIGH, 9L), Map.of());
        Recorder sink = new Recorder();
        PointRules shelved = levels(0, Duration.ZERO, false);
        state.evaluate(shelved, List.of(new AlarmSample(7, T0, 0.5, true), at(60, 0.5), at(120, 2.0)), sink);
        assertEquals(List.of("clear 9 @60"), sink.events);
    }

    @Test
    void faultStatesRaiseAndClear() {
        PointRules pump = new PointRules(7, 1, 2, Map.of(AlarmKind.STATE, new PointRules.Limit(Severity.MAJOR, null)),
                Set.of(2L), 0, Duration.ZERO, true);
        PointState state = fresh();
        Recorder sink = new Recorder();
        state.evaluate(pump, List.of(at(0, 1), at(60, 2), at(120, 2), at(180, 0)), sink);
        assertEquals(List.of("raise STATE 2.0 @60", "clear 1 @180"), sink.events);
    }

    @Test
    void anAlarmWhoseConditionIsNoLongerConfiguredClearsAtTheNextSample() {
        PointState state = new PointState(Instant.EPOCH, 0, Map.of(AlarmKind.LOW_LOW, 3L), Map.of());
        Recorder sink = new Recorder();
        state.evaluate(levels(0, Duration.ZERO, true), List.of(at(0, 0.5)), sink);
        assertEquals(List.of("raise LOW 0.5 @0", "clear 3 @0"), sink.events);
    }
}
