package jp.suijin.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.facility.Facility;

/** A person who signs in to Suijin. */
@Entity
@Table(name = "app_user")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null only for {@link Role#SERVICE_OPERATOR}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @Column(name = "login_id", nullable = false, length = 64)
    private String loginId;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    @Column(nullable = false, length = 8)
    private String locale = "ja";

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Consecutive failed sign-ins since the last successful one. */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    /** Set while the account is locked; even the right password is refused then. */
    @Column(name = "locked_at")
    private Instant lockedAt;

    @Column(name = "otp_enabled", nullable = false)
    private boolean otpEnabled;

    /** Last password change or reset; sessions signed in before it end. */
    @Column(name = "credentials_changed_at")
    private Instant credentialsChangedAt;

    /** Sign-ins refused for want of a device slot since the last notice mailed about them. */
    @Column(name = "device_refusals", nullable = false)
    private int deviceRefusals;

    @Column(name = "device_refusal_mailed_at")
    private Instant deviceRefusalMailedAt;

    /** The facilities this user may see; empty: every facility of the organisation. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "user_facility", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "facility_id"))
    private Set<Facility> facilities = new HashSet<>();

    /** Null: the organisation's number of device slots. */
    @Column(name = "device_slots")
    private Integer deviceSlots;

    protected User() {
    }

    public User(Organisation organisation, String loginId, String displayName, String email, String passwordHash,
            Role role, Instant createdAt) {
        if ((role == Role.SERVICE_OPERATOR) != (organisation == null)) {
            throw new IllegalArgumentException("only a service operator has no organisation");
        }
        this.organisation = organisation;
        this.loginId = Objects.requireNonNull(loginId, "loginId");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long getId() {
        return id;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public String getLoginId() {
        return loginId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** A new password chosen by the user (change or reset): earlier sessions must end. */
    public void changePassword(String passwordHash, Instant now) {
        setPasswordHash(passwordHash);
        this.credentialsChangedAt = Objects.requireNonNull(now, "now");
    }

    public Instant getCredentialsChangedAt() {
        return credentialsChangedAt;
    }

    public Role getRole() {
        return role;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        if (!"ja".equals(locale) && !"en".equals(locale)) {
            throw new IllegalArgumentException("locale must be ja or en, was " + locale);
        }
        this.locale = locale;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setRole(Role role) {
        if ((role == Role.SERVICE_OPERATOR) != (organisation == null)) {
            throw new IllegalArgumentException("only a service operator has no organisation");
        }
        this.role = Objects.requireNonNull(role, "role");
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public boolean isLocked() {
        return lockedAt != null;
    }

    /** Counts a failed sign-in; locks the account when {@code threshold} is reached. True if this locked it. */
    public boolean recordFailedLogin(int threshold, Instant now) {
        failedLogins++;
        if (lockedAt == null && failedLogins >= threshold) {
            lockedAt = now;
            return true;
        }
        return false;
    }

    /**
     * Counts a sign-in refused for want of a device slot. Returns how many such refusals to report
     * now, this one included, or 0 while the last notice is younger than {@code noticeEvery}.
     */
    public int recordDeviceRefusal(Instant now, Duration noticeEvery) {
        deviceRefusals++;
        if (deviceRefusalMailedAt != null && now.isBefore(deviceRefusalMailedAt.plus(noticeEvery))) {
            return 0;
        }
        int report = deviceRefusals;
        deviceRefusals = 0;
        deviceRefusalMailedAt = now;
        return report;
    }

    public void recordSuccessfulLogin() {
        failedLogins = 0;
    }

    public void unlock() {
        lockedAt = null;
        failedLogins = 0;
    }

    public boolean isOtpEnabled() {
        return otpEnabled;
    }

    public void setOtpEnabled(boolean otpEnabled) {
        this.otpEnabled = otpEnabled;
    }

    /** Empty: every facility of the organisation. */
    public Set<Facility> getFacilities() {
        return facilities;
    }

    public Integer getDeviceSlots() {
        return deviceSlots;
    }

    public void setDeviceSlots(Integer deviceSlots) {
        if (deviceSlots != null && (deviceSlots < 0 || deviceSlots > 20)) {
            throw new IllegalArgumentException("device slots must be between 0 and 20, was " + deviceSlots);
        }
        this.deviceSlots = deviceSlots;
    }
}
