package jp.suijin.alarm;

import java.io.Serializable;
import java.util.List;

/** One facility's points (in display order) and devices (by code) with their alarm settings. */
public record FacilityAlarmSettings(long facilityId, String facilityCode, String facilityName, List<PointAlarm> points,
        List<DeviceAlarm> devices) implements Serializable {
}
