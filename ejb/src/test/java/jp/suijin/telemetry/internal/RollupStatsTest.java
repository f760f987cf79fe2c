package jp.suijin.telemetry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import jp.suijin.telemetry.IngestService;
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

    @Test
    void nonFiniteFiguresAreClampedSoTheyCanBeStored() {
        // two samples of 1.7e308 on a counter: the sum (and the increase from 0) overflow
        RollupStats s = RollupStats.of(0.0, List.of(1.7e308, 1.7e308), null);
        assertFalse(s.finite());
        RollupStats stored = s.clamped();
        assertTrue(stored.finite());
        assertEquals(Double.MAX_VALUE, stored.sum());
        assertEquals(1.7e308, stored.max());
        assertEquals(0, new RollupStats(1, Double.NaN, 1, 1, 1, 1, Double.NEGATIVE_INFINITY).clamped().min());
        assertEquals(-Double.MAX_VALUE, new RollupStats(1, 0, 1, 1, 1, 1, Double.NEGATIVE_INFINITY).clamped().delta());
    }

    @Test
    void aYearOfOneSecondSamplesAtTheIngestBoundStaysFinite() {
        RollupStats second = RollupStats.of(null, List.of(IngestService.MAX_VALUE_MAGNITUDE), null);
        RollupStats hour = RollupStats.combine(Collections.nCopies(3600, second));
        RollupStats year = RollupStats.combine(Collections.nCopies(366 * 24, hour));
        assertTrue(year.finite());
        assertEquals(366 * 86_400 * IngestService.MAX_VALUE_MAGNITUDE, year.sum(), year.sum() * 1e-12);
        // the largest increase a counter can report per sample is below its roll-over, itself within the bound
        assertTrue(RollupStats.increase(IngestService.MAX_VALUE_MAGNITUDE - 1, 0, IngestService.MAX_VALUE_MAGNITUDE)
                <= IngestService.MAX_VALUE_MAGNITUDE);
    }
}
