package jp.suijin.persistence.alarm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import jp.suijin.persistence.facility.FieldDevice;

/**
 * Communication-loss supervision of one field device: an alarm after {@code commLossMinutes} without
 * data. No row means the device is not supervised. The comm-loss timer reads the table with JDBC.
 */
@Entity
@Table(name = "device_alarm_setting")
public class DeviceAlarmSetting extends AlarmRule {

    @Id
    @Column(name = "device_id")
    private Long deviceId;

    // the key column is the relation's column too; written through deviceId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id", insertable = false, updatable = false)
    private FieldDevice device;

    @Column(name = "comm_loss_minutes", nullable = false)
    private int commLossMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Severity severity;

    protected DeviceAlarmSetting() {
    }

    public DeviceAlarmSetting(FieldDevice device, int commLossMinutes, Severity severity, Instant now) {
        this.device = Objects.requireNonNull(device, "device");
        this.deviceId = Objects.requireNonNull(device.getId(), "device id");
        change(commLossMinutes, severity, now);
    }

    public void change(int commLossMinutes, Severity severity, Instant now) {
        this.commLossMinutes = commLossMinutes;
        this.severity = Objects.requireNonNull(severity, "severity");
        changed(now);
    }

    public Long getDeviceId() {
        return deviceId;
    }

    public FieldDevice getDevice() {
        return device;
    }

    public int getCommLossMinutes() {
        return commLossMinutes;
    }

    public Severity getSeverity() {
        return severity;
    }
}
