package jp.suijin.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.admin.AdministrationException;
import jp.suijin.alarm.AlarmSettings;
import jp.suijin.alarm.DeviceAlarm;
import jp.suijin.alarm.FacilityAlarmSettings;
import jp.suijin.alarm.PointAlarm;
import jp.suijin.alarm.PointAlarmForm;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.telemetry.StateLabels;
import jp.suijin.web.Formats;

/**
 * One facility's alarm settings: each point's limits or fault states, each device's communication
 * loss; edited in dialogs, disabled, shelved with a reason until a time (entered in Japan time) and
 * unshelved.
 */
@Named
@ViewScoped
public class AlarmSettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AlarmSettings settings;

    @Inject
    private Clock clock;

    private String facilityParam;
    private long facilityId;
    private FacilityAlarmSettings detail;

    private PointAlarm point;
    private Double highHigh;
    private Severity highHighSeverity = Severity.MAJOR;
    private Double high;
    private Severity highSeverity = Severity.MINOR;
    private Double low;
    private Severity lowSeverity = Severity.MINOR;
    private Double lowLow;
    private Severity lowLowSeverity = Severity.MAJOR;
    private Double deadband;
    private Integer onDelay;
    private List<String> faultStates = new ArrayList<>();
    private Severity stateSeverity = Severity.MAJOR;

    private DeviceAlarm device;
    private Integer commLossMinutes;
    private Severity commLossSeverity = Severity.MAJOR;

    /** What the shelve dialog shelves: a point's definition or a device's communication loss. */
    private PointAlarm shelvingPoint;
    private DeviceAlarm shelvingDevice;
    private LocalDateTime shelveUntil;
    private String shelveReason;
    private PointAlarm disablingPoint;
    private DeviceAlarm disablingDevice;
    private String disableReason;

    /** View action: the facility named in the URL; a missing, malformed or foreign one is not found. */
    public void open() throws IOException {
        if (detail != null) {
            return;
        }
        if (facilityParam == null || !facilityParam.matches("\\d{1,18}")) {
            AlarmSettingMessages.notFound();
            return;
        }
        facilityId = Long.parseLong(facilityParam);
        try {
            detail = settings.facility(facilityId);
        } catch (AdministrationException e) {
            AlarmSettingMessages.notFound();
        }
    }

    public void editPoint(PointAlarm row) {
        point = row;
        PointAlarmForm d = row.definition();
        highHigh = d == null ? null : d.highHigh();
        highHighSeverity = d == null || d.highHighSeverity() == null ? Severity.MAJOR : d.highHighSeverity();
        high = d == null ? null : d.high();
        highSeverity = d == null || d.highSeverity() == null ? Severity.MINOR : d.highSeverity();
        low = d == null ? null : d.low();
        lowSeverity = d == null || d.lowSeverity() == null ? Severity.MINOR : d.lowSeverity();
        lowLow = d == null ? null : d.lowLow();
        lowLowSeverity = d == null || d.lowLowSeverity() == null ? Severity.MAJOR : d.lowLowSeverity();
        deadband = d == null ? 0.0 : d.deadband();
        onDelay = d == null ? 0 : d.onDelaySeconds();
        faultStates = d == null ? new ArrayList<>() : new ArrayList<>(d.faultStates().stream().map(String::valueOf).toList());
        stateSeverity = d == null || d.stateSeverity() == null ? Severity.MAJOR : d.stateSeverity();
    }

    public void savePoint() {
        // only a crafted request saves without a chosen row
        if (point == null) {
            return;
        }
        List<Long> states = faultStates == null ? List.of() : faultStates.stream().map(Long::valueOf).toList();
        PointAlarmForm form = new PointAlarmForm(highHigh, highHighSeverity, high, highSeverity, low, lowSeverity,
                lowLow, lowLowSeverity, deadband, onDelay, states, stateSeverity);
        long id = point.pointId();
        apply("pointForm", () -> settings.savePointAlarm(id, form), "alarm.saved", point.pointCode());
    }

    public void removePoint(PointAlarm row) {
        apply(null, () -> settings.removePointAlarm(row.pointId()), "alarm.removed", row.pointCode());
    }

    public void enablePoint(PointAlarm row) {
        apply(null, () -> settings.enablePointAlarm(row.pointId()), "alarm.enabled", row.pointCode());
    }

    public void startDisablingPoint(PointAlarm row) {
        disablingPoint = row;
        disablingDevice = null;
        disableReason = null;
    }

    public void unshelvePoint(PointAlarm row) {
        apply(null, () -> settings.unshelvePointAlarm(row.pointId()), "alarm.unshelved", row.pointCode());
    }

    public void editDevice(DeviceAlarm row) {
        device = row;
        commLossMinutes = row.commLossMinutes() == null ? 10 : row.commLossMinutes();
        commLossSeverity = row.severity() == null ? Severity.MAJOR : row.severity();
    }

    public void saveDevice() {
        if (device == null) {
            return;
        }
        long id = device.deviceId();
        Integer minutes = commLossMinutes;
        Severity severity = commLossSeverity;
        apply("deviceForm", () -> settings.saveCommLoss(id, minutes, severity), "alarm.commLoss.saved",
                device.deviceCode());
    }

    public void removeDevice(DeviceAlarm row) {
        apply(null, () -> settings.removeCommLoss(row.deviceId()), "alarm.commLoss.removed", row.deviceCode());
    }

    public void enableDevice(DeviceAlarm row) {
        apply(null, () -> settings.enableCommLoss(row.deviceId()), "alarm.commLoss.enabled", row.deviceCode());
    }

    public void startDisablingDevice(DeviceAlarm row) {
        disablingDevice = row;
        disablingPoint = null;
        disableReason = null;
    }

    public void disable() {
        String reason = disableReason;
        if (disablingPoint != null) {
            long id = disablingPoint.pointId();
            apply("disableForm", () -> settings.disablePointAlarm(id, reason), "alarm.disabled",
                    disablingPoint.pointCode());
        } else if (disablingDevice != null) {
            long id = disablingDevice.deviceId();
            apply("disableForm", () -> settings.disableCommLoss(id, reason), "alarm.commLoss.disabled",
                    disablingDevice.deviceCode());
        }
    }

    public void unshelveDevice(DeviceAlarm row) {
        apply(null, () -> settings.unshelveCommLoss(row.deviceId()), "alarm.unshelved", row.deviceCode());
    }

    public void startShelvingPoint(PointAlarm row) {
        shelvingPoint = row;
        shelvingDevice = null;
        startShelving();
    }

    public void startShelvingDevice(DeviceAlarm row) {
        shelvingDevice = row;
        shelvingPoint = null;
        startShelving();
    }

    /** Proposes a day from now, to the minute, in Japan time. */
    private void startShelving() {
        shelveUntil = LocalDateTime.ofInstant(clock.instant().plus(1, ChronoUnit.DAYS), Formats.DISPLAY_ZONE)
                .truncatedTo(ChronoUnit.MINUTES);
        shelveReason = null;
    }

    public void shelve() {
        Instant until = shelveUntil == null ? null : shelveUntil.atZone(Formats.DISPLAY_ZONE).toInstant();
        String reason = shelveReason;
        if (shelvingPoint != null) {
            long id = shelvingPoint.pointId();
            apply("shelveForm", () -> settings.shelvePointAlarm(id, until, reason), "alarm.shelved",
                    shelvingPoint.pointCode());
        } else if (shelvingDevice != null) {
            long id = shelvingDevice.deviceId();
            apply("shelveForm", () -> settings.shelveCommLoss(id, until, reason), "alarm.shelved",
                    shelvingDevice.deviceCode());
        }
    }

    private void apply(String formId, Runnable action, String done, String shown) {
        AlarmSettingMessages.apply(formId, action, done, shown);
        detail = settings.facility(facilityId);
    }

    /** The states a STATE point's labels name, for choosing fault states ("1" to "1=故障"). */
    public Map<String, String> getStates() {
        if (point == null || point.stateLabels() == null) {
            return Map.of();
        }
        Map<String, String> states = new LinkedHashMap<>();
        StateLabels.parse(point.stateLabels()).forEach((state, label) -> states.put(state + " " + label, String.valueOf(state)));
        return states;
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public FacilityAlarmSettings getDetail() {
        return detail;
    }

    public String getFacilityParam() {
        return facilityParam;
    }

    public void setFacilityParam(String facilityParam) {
        this.facilityParam = facilityParam;
    }

    public PointAlarm getPoint() {
        return point;
    }

    public DeviceAlarm getDevice() {
        return device;
    }

    public String getDisabling() {
        return disablingPoint != null ? disablingPoint.pointCode() + " " + disablingPoint.name()
                : disablingDevice != null ? disablingDevice.deviceCode() + " " + disablingDevice.name() : "";
    }

    public String getDisableReason() {
        return disableReason;
    }

    public void setDisableReason(String disableReason) {
        this.disableReason = disableReason;
    }

    public String getShelving() {
        return shelvingPoint != null ? shelvingPoint.pointCode() + " " + shelvingPoint.name()
                : shelvingDevice != null ? shelvingDevice.deviceCode() + " " + shelvingDevice.name() : "";
    }

    public Double getHighHigh() {
        return highHigh;
    }

    public void setHighHigh(Double highHigh) {
        this.highHigh = highHigh;
    }

    public Severity getHighHighSeverity() {
        return highHighSeverity;
    }

    public void setHighHighSeverity(Severity highHighSeverity) {
        this.highHighSeverity = highHighSeverity;
    }

    public Double getHigh() {
        return high;
    }

    public void setHigh(Double high) {
        this.high = high;
    }

    public Severity getHighSeverity() {
        return highSeverity;
    }

    public void setHighSeverity(Severity highSeverity) {
        this.highSeverity = highSeverity;
    }

    public Double getLow() {
        return low;
    }

    public void setLow(Double low) {
        this.low = low;
    }

    public Severity getLowSeverity() {
        return lowSeverity;
    }

    public void setLowSeverity(Severity lowSeverity) {
        this.lowSeverity = lowSeverity;
    }

    public Double getLowLow() {
        return lowLow;
    }

    public void setLowLow(Double lowLow) {
        this.lowLow = lowLow;
    }

    public Severity getLowLowSeverity() {
        return lowLowSeverity;
    }

    public void setLowLowSeverity(Severity lowLowSeverity) {
        this.lowLowSeverity = lowLowSeverity;
    }

    public Double getDeadband() {
        return deadband;
    }

    public void setDeadband(Double deadband) {
        this.deadband = deadband;
    }

    public Integer getOnDelay() {
        return onDelay;
    }

    public void setOnDelay(Integer onDelay) {
        this.onDelay = onDelay;
    }

    public List<String> getFaultStates() {
        return faultStates;
    }

    public void setFaultStates(List<String> faultStates) {
        this.faultStates = faultStates;
    }

    public Severity getStateSeverity() {
        return stateSeverity;
    }

    public void setStateSeverity(Severity stateSeverity) {
        this.stateSeverity = stateSeverity;
    }

    public Integer getCommLossMinutes() {
        return commLossMinutes;
    }

    public void setCommLossMinutes(Integer commLossMinutes) {
        this.commLossMinutes = commLossMinutes;
    }

    public Severity getCommLossSeverity() {
        return commLossSeverity;
    }

    public void setCommLossSeverity(Severity commLossSeverity) {
        this.commLossSeverity = commLossSeverity;
    }

    public LocalDateTime getShelveUntil() {
        return shelveUntil;
    }

    public void setShelveUntil(LocalDateTime shelveUntil) {
        this.shelveUntil = shelveUntil;
    }

    public String getShelveReason() {
        return shelveReason;
    }

    public void setShelveReason(String shelveReason) {
        this.shelveReason = shelveReason;
    }
}
