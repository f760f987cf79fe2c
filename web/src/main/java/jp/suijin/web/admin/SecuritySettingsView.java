package jp.suijin.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.SecuritySettings;
import jp.suijin.admin.UserAdministration;
import jp.suijin.web.Messages;

/** The organisation's sign-in rules, with the bounds the service enforces. */
@Named
@ViewScoped
public class SecuritySettingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserAdministration administration;

    private int lockoutThreshold;
    private boolean otpRequired;
    private int otpLifetimeMinutes;
    private int unlockLinkMinutes;
    private int deviceSlots;
    private int idleTimeoutMinutes;
    private int absoluteTimeoutHours;

    @PostConstruct
    public void init() {
        SecuritySettings s = administration.settings();
        lockoutThreshold = s.lockoutThreshold();
        otpRequired = s.otpRequired();
        otpLifetimeMinutes = s.otpLifetimeMinutes();
        unlockLinkMinutes = s.unlockLinkMinutes();
        deviceSlots = s.deviceSlots();
        idleTimeoutMinutes = s.idleTimeoutMinutes();
        absoluteTimeoutHours = s.absoluteTimeoutHours();
    }

    public void save() {
        try {
            administration.saveSettings(new SecuritySettings(lockoutThreshold, otpRequired, otpLifetimeMinutes,
                    unlockLinkMinutes, deviceSlots, idleTimeoutMinutes, absoluteTimeoutHours));
            Messages.info("settings.saved");
        } catch (AdministrationException e) {
            Messages.error("settings.error." + e.field(), e.args());
        }
    }

    public int getLockoutThreshold() {
        return lockoutThreshold;
    }

    public void setLockoutThreshold(int lockoutThreshold) {
        this.lockoutThreshold = lockoutThreshold;
    }

    public boolean isOtpRequired() {
        return otpRequired;
    }

    public void setOtpRequired(boolean otpRequired) {
        this.otpRequired = otpRequired;
    }

    public int getOtpLifetimeMinutes() {
        return otpLifetimeMinutes;
    }

    public void setOtpLifetimeMinutes(int otpLifetimeMinutes) {
        this.otpLifetimeMinutes = otpLifetimeMinutes;
    }

    public int getUnlockLinkMinutes() {
        return unlockLinkMinutes;
    }

    public void setUnlockLinkMinutes(int unlockLinkMinutes) {
        this.unlockLinkMinutes = unlockLinkMinutes;
    }

    public int getDeviceSlots() {
        return deviceSlots;
    }

    public void setDeviceSlots(int deviceSlots) {
        this.deviceSlots = deviceSlots;
    }

    public int getIdleTimeoutMinutes() {
        return idleTimeoutMinutes;
    }

    public void setIdleTimeoutMinutes(int idleTimeoutMinutes) {
        this.idleTimeoutMinutes = idleTimeoutMinutes;
    }

    public int getAbsoluteTimeoutHours() {
        return absoluteTimeoutHours;
    }

    public void setAbsoluteTimeoutHours(int absoluteTimeoutHours) {
        this.absoluteTimeoutHours = absoluteTimeoutHours;
    }
}
