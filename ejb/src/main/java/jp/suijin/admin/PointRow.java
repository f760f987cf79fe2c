package jp.suijin.admin;

import java.io.Serializable;
import jp.suijin.persistence.facility.PointKind;

/** A measurement point as the facility page lists it. */
public record PointRow(long id, long deviceId, String deviceCode, String pointCode, String name, PointKind kind,
        String unit, Double rangeLow, Double rangeHigh, int decimals, String stateLabels, int displayOrder,
        boolean enabled) implements Serializable {

    public PointForm form() {
        return new PointForm(deviceId, pointCode, name, kind, unit, rangeLow, rangeHigh, decimals, stateLabels,
                displayOrder);
    }
}
