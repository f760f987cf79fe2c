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
public class DeviceAlarmSetting {

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

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "shelved_until")
    private Instant shelvedUntil;

    @Column(name = "shelve_reason", length = 500)
    private String shelveReason;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

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
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /** Raises nothing new until {@code until}; a null {@code until} ends the shelving. */
    public void shelve(Instant until, String reason, Instant now) {
        this.shelvedUntil = until;
        this.shelveReason = until == null ? null : reason;
        this.updatedAt = now;
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

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getShelvedUntil() {
        return shelvedUntil;
    }

    public String getShelveReason() {
        return shelveReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
