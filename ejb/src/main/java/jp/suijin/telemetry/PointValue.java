package jp.suijin.telemetry;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.facility.Quality;

/**
 * The current value of one measurement point as operators see it. {@code value}, {@code sampleTime}
 * and {@code quality} are null when the point has never reported; {@code stale} marks a value older
 * than the communication timeout (the point stopped reporting while its device may still talk).
 */
public record PointValue(long pointId, String code, String name, PointKind kind, String unit, int decimals,
        String stateLabel, Double value, Instant sampleTime, Quality quality, boolean stale) implements Serializable {

    /** The value rounded to the point's decimals, or its state label; empty when there is no value. */
    public String display() {
        if (value == null) {
            return "";
        }
        if (kind == PointKind.STATE) {
            return stateLabel != null ? stateLabel : String.valueOf(value.longValue());
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
