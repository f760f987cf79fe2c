package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollupStatsTest {

    @Test
    void analogValuesGiveCountMinMaxSumFirstAndLast() {
        RollupStats s = RollupStats.of(9.0, List.of(3.0, 1.5, 4.5, 2.0), null);
        assertEquals(new RollupStats(4, 1.5, 4.5, 11.0, 3.0, 2.0, s.delta()), s);
    }

    @Test
    void aCounterIncreaseStartsFromTheSampleBeforeThePeriodAndSurvivesARollOver() {
        assertEquals(30.0, RollupStats.of(100.0, List.of(110.0, 120.0, 130.0), null).delta());
        assertEquals(20.0, RollupStats.of(null, List.of(110.0, 120.0, 130.0), null).delta(), "nothing before: from the first");
        // a 6-digit meter, back to 0 at 1,000,000: 999,990 -> 5 is 15 m³
        assertEquals(10.0 + 15.0, RollupStats.of(999_980.0, List.of(999_990.0, 5.0), 1_000_000.0).delta(), 1e-9);
        // no known maximum: a lower value is a reset, counted from zero
        assertEquals(10.0 + 7.0, RollupStats.of(50.0, List.of(60.0, 7.0), null).delta());
    }

    @Test
    void aDayCombinesItsHours() {
        RollupStats day = RollupStats.combine(List.of(new RollupStats(2, 1, 5, 6, 1, 5, 4),
                new RollupStats(3, 0, 9, 12, 2, 9, 8)));
        assertEquals(new RollupStats(5, 0, 9, 18, 1, 9, 12), day);
    }
}
