package jp.suijin.auth;

import jakarta.ejb.Local;
import java.util.List;

/** Registered smartphones and tablets: users see and revoke their own, administrators those of their organisation's users. */
@Local
public interface DeviceService {

    List<DeviceInfo> myDevices();

    /** @throws DeviceNotFoundException unless it is the caller's device or the caller administers its user's organisation */
    void revoke(long deviceId);
}
