package jp.suijin.alarm;

import java.io.Serializable;
import java.time.Instant;
import jp.suijin.persistence.facility.PointKind;

/**
 * A measurement point with its alarm definition, as the settings page lists it. {@code definition} is
 * null when the point raises no alarms; {@code shelvedUntil} and {@code shelveReason} are set only
 * while shelved, {@code disableReason} only while disabled.
 */
public record PointAlarm(long pointId, String deviceCode, String pointCode, String name, PointKind kind, String unit,
        Double rangeLow, Double rangeHigh, int decimals, String stateLabels, boolean pointEnabled,
        PointAlarmForm definition, SettingStatus status, Instant shelvedUntil, String shelveReason, String disableReason)
        implements Serializable {
}
