package jp.suijin.admin;

import java.io.Serializable;

/** An organisation's sign-in rules, each within the bounds {@link UserAdministration} enforces. */
public record SecuritySettings(int lockoutThreshold, boolean otpRequired, int otpLifetimeMinutes,
        int unlockLinkMinutes, int deviceSlots, int idleTimeoutMinutes, int absoluteTimeoutHours)
        implements Serializable {
}
