package jp.suijin.alarm;

import jakarta.ejb.Local;
import java.time.Instant;
import jp.suijin.admin.AdministrationException;
import jp.suijin.persistence.alarm.Severity;

/**
 * What raises alarms and who is mailed about them, for the administrators of the caller's
 * organisation. An id of another organisation's facility, point, device, group or member is answered
 * exactly like an unknown one ({@link AdministrationException} on "facility", "point", "device",
 * "group" or "member"). Every input that cannot be applied is refused with an
 * {@link AdministrationException} naming the field, and nothing of the call is written.
 *
 * <p>Disabling stops a setting until it is enabled again; shelving stops it until a time at most
 * {@value #MAX_SHELVE_DAYS} days ahead. Both need a reason (at most {@value #MAX_REASON} characters),
 * which the operation record keeps (the parameter is not sensitive on purpose); a disabled setting
 * keeps its reason until it is enabled again.
 */
@Local
public interface AlarmSettings {

    int MAX_SHELVE_DAYS = 30;
    int MAX_REASON = 500;

    FacilityAlarmSettings facility(long facilityId);

    /** Creates or replaces the point's definition; enabled and shelving stay as they were. */
    void savePointAlarm(long pointId, PointAlarmForm form);

    /** The point raises no alarms any more. */
    void removePointAlarm(long pointId);

    void enablePointAlarm(long pointId);

    void disablePointAlarm(long pointId, String reason);

    void shelvePointAlarm(long pointId, Instant until, String reason);

    void unshelvePointAlarm(long pointId);

    /** Creates or changes the device's communication-loss supervision. */
    void saveCommLoss(long deviceId, Integer minutes, Severity severity);

    /** Switches the device's communication-loss supervision off (removes it). */
    void removeCommLoss(long deviceId);

    void enableCommLoss(long deviceId);

    void disableCommLoss(long deviceId, String reason);

    void shelveCommLoss(long deviceId, Instant until, String reason);

    void unshelveCommLoss(long deviceId);

    FacilityRecipients recipients(long facilityId);

    long createGroup(long facilityId, RecipientGroupForm group);

    void editGroup(long groupId, RecipientGroupForm group);

    /** Removes the group with its members. */
    void deleteGroup(long groupId);

    /** A user of the organisation who may see the group's facility. */
    long addUserMember(long groupId, long userId);

    /** An outside address, mailed in {@code locale} ("ja" or "en"). */
    long addAddressMember(long groupId, String email, String locale);

    void removeMember(long memberId);
}
