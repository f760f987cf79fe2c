package jp.suijin.auth;

import jakarta.ejb.ApplicationException;

/** No such device, or not one the caller may manage; the two are not told apart. */
@ApplicationException(rollback = true)
public class DeviceNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DeviceNotFoundException(long deviceId) {
        super("device " + deviceId + " not found");
    }
}
