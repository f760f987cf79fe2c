package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import jp.suijin.persistence.facility.FacilityKind;

/**
 * A facility with its communication status, its devices, the current values of its points and how
 * many of its alarms need attention (not yet both acknowledged and cleared). {@code lastSeen} is the
 * newest contact of any of its devices (null if none has reported yet).
 */
public record FacilityOverview(long id, String code, String name, FacilityKind kind, Instant lastSeen,
        boolean communicationOk, List<DeviceStatus> devices, List<PointValue> points, int activeAlarms)
        implements Serializable {

    /** How many points the dashboard shows per facility; the facility page shows them all. */
    public static final int KEY_POINTS = 8;

    /** The first points in display order: the administrators' order says which matter most. */
    public List<PointValue> keyPoints() {
        return points.size() <= KEY_POINTS ? points : points.subList(0, KEY_POINTS);
    }
}
