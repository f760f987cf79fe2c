package jp.suijin.telemetry;

import java.io.Serializable;
import jp.suijin.persistence.facility.PointKind;

/** A measurement point as a trend shows it: where it is, what it measures, how it is displayed. */
public record TrendPoint(long id, String facilityName, String code, String name, PointKind kind, String unit,
        int decimals) implements Serializable {

    /** "Facility / point", for choosers and legends. */
    public String label() {
        return facilityName + " / " + name;
    }
}
