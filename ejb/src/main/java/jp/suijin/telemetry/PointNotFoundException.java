package jp.suijin.telemetry;

import jakarta.ejb.ApplicationException;

/**
 * The measurement point does not exist or is not the caller's to see; the two are deliberately not
 * told apart, so ids of other tenants cannot be probed.
 */
@ApplicationException(rollback = true)
public class PointNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PointNotFoundException(long pointId) {
        super("measurement point " + pointId + " not found");
    }
}
