package jp.suijin.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Sign-in rules an organisation's administrator may tune within bounds; absent row = {@link #defaults}. */
@Entity
@Table(name = "organisation_security")
public class OrganisationSecurity {

    public static final int DEFAULT_LOCKOUT_THRESHOLD = 5;
    public static final int MIN_LOCKOUT_THRESHOLD = 3;
    public static final int MAX_LOCKOUT_THRESHOLD = 100;

    @Id
    @Column(name = "organisation_id")
    private Long organisationId;

    @Column(name = "lockout_threshold", nullable = false)
    private int lockoutThreshold = DEFAULT_LOCKOUT_THRESHOLD;

    @Column(name = "otp_required", nullable = false)
    private boolean otpRequired;

    @Column(name = "otp_lifetime_minutes", nullable = false)
    private int otpLifetimeMinutes = 5;

    @Column(name = "unlock_link_minutes", nullable = false)
    private int unlockLinkMinutes = 30;

    @Column(name = "device_slots", nullable = false)
    private int deviceSlots = 2;

    @Column(name = "idle_timeout_minutes", nullable = false)
    private int idleTimeoutMinutes = 30;

    @Column(name = "absolute_timeout_hours", nullable = false)
    private int absoluteTimeoutHours = 12;

    protected OrganisationSecurity() {
    }

    public OrganisationSecurity(long organisationId) {
        this.organisationId = organisationId;
    }

    /** The rules of an organisation that never changed them (and of service operators). */
    public static OrganisationSecurity defaults() {
        return new OrganisationSecurity();
    }

    public int getLockoutThreshold() {
        return lockoutThreshold;
    }

    public void setLockoutThreshold(int lockoutThreshold) {
        if (lockoutThreshold < MIN_LOCKOUT_THRESHOLD || lockoutThreshold > MAX_LOCKOUT_THRESHOLD) {
            throw new IllegalArgumentException("lockout threshold must be between " + MIN_LOCKOUT_THRESHOLD + " and "
                    + MAX_LOCKOUT_THRESHOLD + ", was " + lockoutThreshold);
        }
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

    public int getUnlockLinkMinutes() {
        return unlockLinkMinutes;
    }

    public void setOtpLifetimeMinutes(int minutes) {
        if (minutes < 1 || minutes > 10) {
            throw new IllegalArgumentException("one-time code lifetime must be 1 to 10 minutes, was " + minutes);
        }
        this.otpLifetimeMinutes = minutes;
    }

    public void setUnlockLinkMinutes(int minutes) {
        if (minutes < 5 || minutes > 1440) {
            throw new IllegalArgumentException("unlock link validity must be 5 to 1440 minutes, was " + minutes);
        }
        this.unlockLinkMinutes = minutes;
    }

    /** A signed-in page session ends after this long without a request. */
    public int getIdleTimeoutMinutes() {
        return idleTimeoutMinutes;
    }

    public void setIdleTimeoutMinutes(int minutes) {
        if (minutes < 5 || minutes > 240) {
            throw new IllegalArgumentException("idle timeout must be 5 to 240 minutes, was " + minutes);
        }
        this.idleTimeoutMinutes = minutes;
    }

    /** A signed-in page session ends this long after sign-in, however active. */
    public int getAbsoluteTimeoutHours() {
        return absoluteTimeoutHours;
    }

    public void setAbsoluteTimeoutHours(int hours) {
        if (hours < 1 || hours > 24) {
            throw new IllegalArgumentException("absolute timeout must be 1 to 24 hours, was " + hours);
        }
        this.absoluteTimeoutHours = hours;
    }

    public void setDeviceSlots(int slots) {
        if (slots < 0 || slots > 20) {
            throw new IllegalArgumentException("device slots must be 0 to 20, was " + slots);
        }
        this.deviceSlots = slots;
    }

    /** Smartphones and tablets each user may register, unless the user has a number of their own. */
    public int getDeviceSlots() {
        return deviceSlots;
    }
}
