package jp.suijin.telemetry;

import jakarta.ejb.ApplicationException;

/** Unknown device, disabled device or wrong token: one answer for all, so none can be probed. */
@ApplicationException(rollback = true)
public class DeviceAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceAuthenticationException() {
        super("device authentication failed");
    }
}
