package jp.suijin.telemetry;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import jp.suijin.persistence.facility.FacilityKind;

/**
 * A facility with its communication status and the current values of its points.
 * {@code lastSeen} is the newest contact of any of its devices (null if none has reported yet).
 */
public record FacilityOverview(long id, String code, String name, FacilityKind kind, Instant lastSeen,
        boolean communicationOk, List<PointValue> points) implements Serializable {
}
