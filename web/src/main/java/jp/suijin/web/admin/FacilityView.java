package jp.suijin.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.DeviceRow;
import jp.suijin.admin.DeviceToken;
import jp.suijin.admin.FacilityDetail;
import jp.suijin.admin.ModelAdministration;
import jp.suijin.admin.PointForm;
import jp.suijin.admin.PointRow;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.web.Messages;

/**
 * One facility: its field devices (add, rename, disable, new token) and measurement points (add,
 * edit, disable). A device's token is held only until its dialog is closed, and never serialized.
 */
@Named
@ViewScoped
public class FacilityView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ModelAdministration administration;

    private Long id;
    private FacilityDetail detail;

    private Long editingDevice;
    private String deviceCode;
    private String deviceName;
    private transient DeviceToken issued;

    private Long editingPoint;
    private Long pointDevice;
    private String pointCode;
    private String pointName;
    private PointKind pointKind = PointKind.ANALOG;
    private String unit;
    private Double rangeLow;
    private Double rangeHigh;
    private Integer decimals = 1;
    private String stateLabels;
    private Integer pointOrder = 0;

    /** Loads the facility named by the {@code id} parameter; an unknown or foreign id shows the not-found message. */
    public void load() {
        if (detail != null) {
            return;
        }
        try {
            detail = administration.facility(id == null ? -1 : id);
            pointOrder = detail.points().size();
        } catch (AdministrationException e) {
            Messages.error(e.problem());
        }
    }

    public void saveDevice() {
        if (editingDevice == null) {
            String code = deviceCode;
            if (apply(() -> issued = administration.createDevice(id, code, deviceName), "model.device.created", code)) {
                cancelDevice();
            }
        } else if (apply(() -> administration.renameDevice(editingDevice, deviceName), "model.device.saved", deviceCode)) {
            cancelDevice();
        }
    }

    public void editDevice(DeviceRow row) {
        editingDevice = row.id();
        deviceCode = row.deviceCode();
        deviceName = row.name();
    }

    public void cancelDevice() {
        editingDevice = null;
        deviceCode = null;
        deviceName = null;
    }

    public void rotate(DeviceRow row) {
        apply(() -> issued = administration.rotateDeviceToken(row.id()), "model.device.rotated", row.deviceCode());
    }

    /** Forgets the token once the administrator has closed its dialog. */
    public void forgetToken() {
        issued = null;
    }

    public void enableDevice(DeviceRow row) {
        apply(() -> administration.setDeviceEnabled(row.id(), true), "model.device.enabled", row.deviceCode());
    }

    public void disableDevice(DeviceRow row) {
        apply(() -> administration.setDeviceEnabled(row.id(), false), "model.device.disabled", row.deviceCode());
    }

    public void savePoint() {
        PointForm form = new PointForm(pointDevice, pointCode, pointName, pointKind, unit, rangeLow, rangeHigh,
                decimals, stateLabels, pointOrder);
        String shown = pointCode;
        boolean done = editingPoint == null
                ? apply(() -> administration.createPoint(id, form), "model.point.created", shown)
                : apply(() -> administration.editPoint(editingPoint, form), "model.point.saved", shown);
        if (done) {
            cancelPoint();
        }
    }

    public void editPoint(PointRow row) {
        editingPoint = row.id();
        pointDevice = row.deviceId();
        pointCode = row.pointCode();
        pointName = row.name();
        pointKind = row.kind();
        unit = row.unit();
        rangeLow = row.rangeLow();
        rangeHigh = row.rangeHigh();
        decimals = row.decimals();
        stateLabels = row.stateLabels();
        pointOrder = row.displayOrder();
    }

    public void cancelPoint() {
        editingPoint = null;
        pointCode = null;
        pointName = null;
        unit = null;
        rangeLow = null;
        rangeHigh = null;
        decimals = 1;
        stateLabels = null;
        pointOrder = detail == null ? 0 : detail.points().size();
    }

    public void enablePoint(PointRow row) {
        apply(() -> administration.setPointEnabled(row.id(), true), "model.point.enabled", row.pointCode());
    }

    public void disablePoint(PointRow row) {
        apply(() -> administration.setPointEnabled(row.id(), false), "model.point.disabled", row.pointCode());
    }

    private boolean apply(Runnable action, String done, String shown) {
        boolean ok = ModelAdministrationMessages.apply(action, done, shown);
        detail = administration.facility(id);
        return ok;
    }

    public PointKind[] getKinds() {
        return PointKind.values();
    }

    public FacilityDetail getDetail() {
        return detail;
    }

    public DeviceToken getIssued() {
        return issued;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getEditingDevice() {
        return editingDevice;
    }

    public String getDeviceCode() {
        return deviceCode;
    }

    public void setDeviceCode(String deviceCode) {
        this.deviceCode = deviceCode;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public Long getEditingPoint() {
        return editingPoint;
    }

    public Long getPointDevice() {
        return pointDevice;
    }

    public void setPointDevice(Long pointDevice) {
        this.pointDevice = pointDevice;
    }

    public String getPointCode() {
        return pointCode;
    }

    public void setPointCode(String pointCode) {
        this.pointCode = pointCode;
    }

    public String getPointName() {
        return pointName;
    }

    public void setPointName(String pointName) {
        this.pointName = pointName;
    }

    public PointKind getPointKind() {
        return pointKind;
    }

    public void setPointKind(PointKind pointKind) {
        this.pointKind = pointKind;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Double getRangeLow() {
        return rangeLow;
    }

    public void setRangeLow(Double rangeLow) {
        this.rangeLow = rangeLow;
    }

    public Double getRangeHigh() {
        return rangeHigh;
    }

    public void setRangeHigh(Double rangeHigh) {
        this.rangeHigh = rangeHigh;
    }

    public Integer getDecimals() {
        return decimals;
    }

    public void setDecimals(Integer decimals) {
        this.decimals = decimals;
    }

    public String getStateLabels() {
        return stateLabels;
    }

    public void setStateLabels(String stateLabels) {
        this.stateLabels = stateLabels;
    }

    public Integer getPointOrder() {
        return pointOrder;
    }

    public void setPointOrder(Integer pointOrder) {
        this.pointOrder = pointOrder;
    }
}
