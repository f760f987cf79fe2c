package jp.suijin.telemetry;

import jakarta.ejb.ApplicationException;

/**
 * The facility does not exist or belongs to another organisation; the two are deliberately not
 * told apart, so ids of other tenants cannot be probed.
 */
@ApplicationException(rollback = true)
public class FacilityNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FacilityNotFoundException(long facilityId) {
        super("facility " + facilityId + " not found");
    }
}
