package jp.suijin.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.facility.Quality;
import org.junit.jupiter.api.Test;

class PointValueTest {

    @Test
    void analogValuesShowThePointsDecimals() {
        assertEquals("3.20", analog(3.2, 2).display());
        assertEquals("1112", analog(1111.55, 0).display());
        assertEquals("0.013", analog(0.0125, 3).display());
    }

    @Test
    void statesShowTheirLabelAndMissingValuesShowNothing() {
        PointValue running = new PointValue(1, "P1-RUN", "送水ポンプ1 運転", PointKind.STATE, null, 0, "運転", 1.0,
                Instant.EPOCH, Quality.GOOD, false);
        assertEquals("運転", running.display());
        assertEquals("", new PointValue(1, "X", "X", PointKind.ANALOG, "m", 2, null, null, null, null, false).display());
    }

    private static PointValue analog(double value, int decimals) {
        return new PointValue(1, "LI-1", "水位", PointKind.ANALOG, "m", decimals, null, value, Instant.EPOCH, Quality.GOOD, false);
    }
}
