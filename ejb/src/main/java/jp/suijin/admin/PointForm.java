package jp.suijin.admin;

import java.io.Serializable;
import jp.suijin.persistence.facility.PointKind;

/**
 * What an administrator enters for a measurement point. Which fields count depends on the kind:
 * ANALOG needs unit (optional), range and decimals; COUNTER unit, decimals and optionally the meter's
 * roll-over in {@code rangeHigh} ({@code rangeLow} empty or 0); STATE only {@code stateLabels}
 * ({@code 0=停止;1=運転}). Fields the kind does not use are not stored.
 */
public record PointForm(Long deviceId, String pointCode, String name, PointKind kind, String unit, Double rangeLow,
        Double rangeHigh, Integer decimals, String stateLabels, Integer displayOrder) implements Serializable {
}
