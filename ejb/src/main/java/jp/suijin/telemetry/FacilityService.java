package jp.suijin.telemetry;

import jakarta.ejb.Local;
import java.util.List;

/** Facilities and their current values, always limited to the caller's own organisation. */
@Local
public interface FacilityService {

    /** Every enabled facility of the caller's organisation, in display order. */
    List<FacilityOverview> overview();

    /** @throws FacilityNotFoundException if the facility is not one of the caller's organisation */
    FacilityOverview facility(long facilityId);
}
