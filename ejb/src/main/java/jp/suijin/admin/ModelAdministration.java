package jp.suijin.admin;

import jakarta.ejb.Local;
import java.util.List;

/**
 * Facilities, their field devices and measurement points, for the administrators of the caller's
 * organisation. An id of another organisation's facility, device or point is answered exactly like an
 * unknown one ({@link AdministrationException} on "facility", "device" or "point"). Every input that
 * cannot be applied is refused with an {@link AdministrationException} naming the field, and nothing
 * of the call is written. An administrator limited to some facilities sees and changes only those; any
 * other facility, and its devices and points, is unknown to them, and they cannot create facilities.
 */
@Local
public interface ModelAdministration {

    /** Every facility of the organisation the caller may see, enabled or not, in display order. */
    List<FacilityRow> facilities();

    FacilityDetail facility(long facilityId);

    long createFacility(FacilityForm facility);

    void editFacility(long facilityId, FacilityForm facility);

    /** A disabled facility is no longer shown to operators; its devices and data stay. */
    void setFacilityEnabled(long facilityId, boolean enabled);

    /**
     * Creates a device at the facility. {@code deviceCode} is what the device sends as its id, unique
     * within the facility's organisation (another organisation may use the same code).
     *
     * @return the device's bearer token, which is not kept and cannot be shown again
     */
    DeviceToken createDevice(long facilityId, String deviceCode, String name);

    void renameDevice(long deviceId, String name);

    /** A disabled device is refused by the device API like an unknown one. */
    void setDeviceEnabled(long deviceId, boolean enabled);

    /** Replaces the device's token; the old one is refused from the moment this call returns. */
    DeviceToken rotateDeviceToken(long deviceId);

    long createPoint(long facilityId, PointForm point);

    /** The kind of a point that already has samples cannot change: its history would be read wrongly. */
    void editPoint(long pointId, PointForm point);

    /** A disabled point is hidden from operators and its samples are refused. */
    void setPointEnabled(long pointId, boolean enabled);
}
