package jp.suijin.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedPointTest {

    @Test
    void analogValuesStayInRangeAndMoveSlowly() {
        Simulator.SimulatedPoint level = Simulator.SimulatedPoint.of("LI-1", "ANALOG", "m", 0.0, 6.0, null, new Random(1));
        double previous = Double.NaN;
        for (int i = 0; i < 2000; i++) {
            double v = Double.parseDouble(level.next(Instant.ofEpochSecond(1_800_000_000L + i * 10L)));
            assertTrue(v >= 0 && v <= 6, "out of range: " + v);
            assertTrue(Double.isNaN(previous) || Math.abs(v - previous) < 0.3, "jumped from " + previous + " to " + v);
            previous = v;
        }
    }

    @Test
    void totalsOnlyGrowFromTheirLastValue() {
        Simulator.SimulatedPoint total = Simulator.SimulatedPoint.of("FQ-1", "COUNTER", "m³", null, null, 5000.0, new Random(2));
        long previous = 5000;
        for (int i = 0; i < 100; i++) {
            long v = Long.parseLong(total.next(Instant.now()));
            assertTrue(v >= previous, v + " < " + previous);
            previous = v;
        }
        assertTrue(previous > 5000);
    }
}
