package jp.suijin.admin;

import java.io.Serializable;
import java.util.List;
import jp.suijin.auth.DeviceInfo;

/**
 * One user for the administration page: the row, the organisation's facilities marked allowed
 * (none marked: every facility), and the registered devices.
 */
public record UserDetail(UserRow user, List<FacilityChoice> facilities, List<DeviceInfo> devices)
        implements Serializable {
}
