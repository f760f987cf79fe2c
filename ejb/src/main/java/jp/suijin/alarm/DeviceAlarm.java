package jp.suijin.alarm;

import java.io.Serializable;
import java.time.Instant;
import jp.suijin.persistence.alarm.Severity;

/**
 * A field device with its communication-loss setting; {@code commLossMinutes} null when it is not
 * supervised. {@code shelvedUntil} and {@code shelveReason} are set only while shelved,
 * {@code disableReason} only while disabled.
 */
public record DeviceAlarm(long deviceId, String deviceCode, String name, boolean deviceEnabled,
        Integer commLossMinutes, Severity severity, SettingStatus status, Instant shelvedUntil, String shelveReason,
        String disableReason)
        implements Serializable {
}
