package jp.suijin.admin.internal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.regex.Pattern;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.FacilityChoice;
import jp.suijin.admin.NewUser;
import jp.suijin.admin.SecuritySettings;
import jp.suijin.admin.UserAdministration;
import jp.suijin.admin.UserDetail;
import jp.suijin.admin.UserRow;
import jp.suijin.auth.DeviceInfo;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.Roles;
import jp.suijin.auth.SecureTokens;
import jp.suijin.auth.internal.AccountLinks;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.notify.MailAddresses;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.user.AccountToken;
import jp.suijin.persistence.user.MobileDevice;
import jp.suijin.persistence.user.OrganisationSecurity;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultUserAdministration implements UserAdministration {

    /** How long a mailed set-password link stays valid. */
    static final Duration PASSWORD_LINK_VALIDITY = Duration.ofHours(24);
    private static final Pattern LOGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    @Inject
    private CallerLookup callers;

    @Inject
    private AuditLog audit;

    @Inject
    private AccountLinks links;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<UserRow> users() {
        Caller caller = callers.current();
        return em.createQuery("SELECT u FROM User u WHERE u.organisation.id = :org ORDER BY u.loginId", User.class)
                .setParameter("org", caller.organisationId())
                .getResultList().stream().map(this::row).toList();
    }

    @Override
    public UserDetail user(long userId) {
        User user = target(userId);
        Set<Long> allowed = user.getFacilities().stream().map(Facility::getId).collect(Collectors.toSet());
        List<FacilityChoice> facilities = em.createQuery("SELECT f FROM Facility f WHERE f.organisation = :org"
                + " ORDER BY f.displayOrder, f.id", Facility.class)
                .setParameter("org", user.getOrganisation())
                .getResultList().stream()
                .map(f -> new FacilityChoice(f.getId(), f.getName(), allowed.contains(f.getId())))
                .toList();
        List<DeviceInfo> devices = em.createQuery("SELECT d FROM MobileDevice d WHERE d.user = :user"
                + " AND d.revokedAt IS NULL ORDER BY d.registeredAt", MobileDevice.class)
                .setParameter("user", user)
                .getResultList().stream()
                .map(DeviceInfo::of)
                .toList();
        return new UserDetail(row(user), facilities, devices);
    }

    @Override
    public void setFacilities(long userId, Set<Long> facilityIds) {
        User user = manageable(userId);
        Caller caller = callers.current();
        // limits are for someone else to lift: otherwise a limited administrator would simply lift their own
        if (user.getId() == caller.userId()) {
            throw new AdministrationException("facilities", "admin.error.selfFacilities");
        }
        Set<Long> own = caller.facilityIds();
        if (!own.isEmpty() && (facilityIds.isEmpty() || !own.containsAll(facilityIds))) {
            throw new AdministrationException("facilities", "admin.error.facilityBeyondOwn");
        }
        List<Facility> chosen = facilityIds.isEmpty() ? List.of()
                : em.createQuery("SELECT f FROM Facility f WHERE f.id IN :ids AND f.organisation = :org", Facility.class)
                        .setParameter("ids", facilityIds)
                        .setParameter("org", user.getOrganisation())
                        .getResultList();
        if (chosen.size() != facilityIds.size()) {
            throw new AdministrationException("facilities", "admin.error.facility");
        }
        user.getFacilities().clear();
        user.getFacilities().addAll(chosen);
    }

    @Override
    public void revokeDevice(long userId, long deviceId) {
        User user = manageable(userId);
        MobileDevice device = em.find(MobileDevice.class, deviceId);
        if (device == null || !device.getUser().getId().equals(user.getId())) {
            throw new AdministrationException("device", "admin.error.deviceNotFound");
        }
        device.revoke(clock.instant());
    }

    @Override
    public long create(NewUser input) {
        Caller caller = callers.current();
        String loginId = input.loginId() == null ? "" : input.loginId().strip();
        // the container's name for "nobody signed in" must never be a user's name
        if (!LOGIN_ID.matcher(loginId).matches() || loginId.equalsIgnoreCase("anonymous")) {
            throw new AdministrationException("loginId", "admin.error.loginId");
        }
        if (!em.createQuery("SELECT u FROM User u WHERE u.loginId = :login").setParameter("login", loginId)
                .getResultList().isEmpty()) {
            throw new AdministrationException("loginId", "admin.error.loginIdTaken", loginId);
        }
        String name = input.displayName() == null ? "" : input.displayName().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new AdministrationException("displayName", "admin.error.displayName");
        }
        String email = input.email() == null ? "" : input.email().strip();
        if (!MailAddresses.valid(email)) {
            throw new AdministrationException("email", "admin.error.email");
        }
        if (input.role() == null || input.role() == Role.SERVICE_OPERATOR) {
            throw new AdministrationException("role", "admin.error.role");
        }
        Instant now = clock.instant();
        Organisation organisation = em.find(Organisation.class, caller.organisationId());
        // until the user sets a password from the mailed link: a well-formed hash of a random secret
        // nobody knows, so signing in fails in the same time as any wrong password
        User user = new User(organisation, loginId, name, email,
                PasswordHasher.hash(SecureTokens.random().toCharArray()), input.role(), now);
        if ("en".equals(input.locale())) {
            user.setLocale("en");
        }
        // an administrator limited to some facilities cannot make an account that sees more than they do
        if (!caller.facilityIds().isEmpty()) {
            user.getFacilities().addAll(em.createQuery("SELECT f FROM Facility f WHERE f.id IN :ids", Facility.class)
                    .setParameter("ids", caller.facilityIds()).getResultList());
        }
        em.persist(user);
        em.flush();
        mailPasswordLink(user, "welcome.password", now);
        return user.getId();
    }

    @Override
    public void setEnabled(long userId, boolean enabled) {
        User user = manageable(userId);
        notMyself(user, "enabled");
        user.setEnabled(enabled);
    }

    @Override
    public void unlock(long userId) {
        User user = manageable(userId);
        user.unlock();
        audit.event("authn_login_unlock", Outcome.OK, user.getLoginId(), user.getOrganisation().getId(),
                "userId=" + userId, "unlocked by administrator " + callers.current().loginId());
    }

    @Override
    public void setRole(long userId, Role role) {
        User user = manageable(userId);
        if (role == null || role == Role.SERVICE_OPERATOR) {
            throw new AdministrationException("role", "admin.error.role");
        }
        notMyself(user, "role");
        if (user.getRole() != role) {
            audit.event("privilege_permissions_changed", Outcome.OK, user.getLoginId(),
                    user.getOrganisation().getId(), "userId=" + userId, "role " + user.getRole() + " -> " + role
                    + " by " + callers.current().loginId());
        }
        user.setRole(role);
    }

    @Override
    public void setDeviceSlots(long userId, Integer slots) {
        User user = manageable(userId);
        if (slots != null && (slots < 0 || slots > 20)) {
            throw new AdministrationException("deviceSlots", "admin.error.bounds", 0, 20);
        }
        user.setDeviceSlots(slots);
    }

    @Override
    public void sendPasswordLink(long userId) {
        mailPasswordLink(manageable(userId), "reset.password", clock.instant());
    }

    @Override
    public SecuritySettings settings() {
        OrganisationSecurity rules = rules(callers.current().organisationId());
        return new SecuritySettings(rules.getLockoutThreshold(), rules.isOtpRequired(), rules.getOtpLifetimeMinutes(),
                rules.getUnlockLinkMinutes(), rules.getDeviceSlots(), rules.getIdleTimeoutMinutes(),
                rules.getAbsoluteTimeoutHours());
    }

    @Override
    public void saveSettings(SecuritySettings s) {
        bounds("lockoutThreshold", s.lockoutThreshold(), OrganisationSecurity.MIN_LOCKOUT_THRESHOLD,
                OrganisationSecurity.MAX_LOCKOUT_THRESHOLD);
        bounds("otpLifetimeMinutes", s.otpLifetimeMinutes(), 1, 10);
        bounds("unlockLinkMinutes", s.unlockLinkMinutes(), 5, 1440);
        bounds("deviceSlots", s.deviceSlots(), 0, 20);
        bounds("idleTimeoutMinutes", s.idleTimeoutMinutes(), 5, 240);
        bounds("absoluteTimeoutHours", s.absoluteTimeoutHours(), 1, 24);
        long org = callers.current().organisationId();
        OrganisationSecurity rules = em.find(OrganisationSecurity.class, org);
        if (rules == null) {
            rules = new OrganisationSecurity(org);
            em.persist(rules);
        }
        rules.setLockoutThreshold(s.lockoutThreshold());
        rules.setOtpRequired(s.otpRequired());
        rules.setOtpLifetimeMinutes(s.otpLifetimeMinutes());
        rules.setUnlockLinkMinutes(s.unlockLinkMinutes());
        rules.setDeviceSlots(s.deviceSlots());
        rules.setIdleTimeoutMinutes(s.idleTimeoutMinutes());
        rules.setAbsoluteTimeoutHours(s.absoluteTimeoutHours());
    }

    private void mailPasswordLink(User user, String template, Instant now) {
        String token = links.issue(user, AccountToken.Purpose.PASSWORD_RESET, now, PASSWORD_LINK_VALIDITY);
        mail.enqueue(MailTemplates.render(template, user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), AccountLinks.url("reset-password.xhtml", token), PASSWORD_LINK_VALIDITY.toHours()),
                "password_link", user.getOrganisation().getId());
    }

    /** A user of the caller's organisation; any other id is answered as unknown. */
    private User target(long userId) {
        User user = em.find(User.class, userId);
        Long org = callers.current().organisationId();
        if (user == null || user.getOrganisation() == null || !Objects.equals(user.getOrganisation().getId(), org)) {
            throw new AdministrationException("user", "admin.error.userNotFound");
        }
        return user;
    }

    /**
     * A user the caller may change: an administrator limited to some facilities manages only users
     * limited to some of those, never one who sees more than they do.
     */
    private User manageable(long userId) {
        User user = target(userId);
        Set<Long> own = callers.current().facilityIds();
        if (!own.isEmpty() && user.getId() != callers.current().userId()) {
            Set<Long> theirs = user.getFacilities().stream().map(Facility::getId).collect(Collectors.toSet());
            if (theirs.isEmpty() || !own.containsAll(theirs)) {
                throw new AdministrationException("user", "admin.error.userBeyondOwn");
            }
        }
        return user;
    }

    private void notMyself(User user, String field) {
        if (user.getId() == callers.current().userId()) {
            throw new AdministrationException(field, "admin.error.self");
        }
    }

    private UserRow row(User u) {
        return new UserRow(u.getId(), u.getLoginId(), u.getDisplayName(), u.getEmail(), u.getRole(), u.isEnabled(),
                u.isLocked(), u.isOtpEnabled(), u.getDeviceSlots(), activeDevices(u), u.getFacilities().size());
    }

    private int activeDevices(User user) {
        return em.createQuery("SELECT COUNT(d) FROM MobileDevice d WHERE d.user = :user AND d.revokedAt IS NULL",
                Long.class).setParameter("user", user).getSingleResult().intValue();
    }

    private OrganisationSecurity rules(long organisationId) {
        OrganisationSecurity rules = em.find(OrganisationSecurity.class, organisationId);
        return rules == null ? OrganisationSecurity.defaults() : rules;
    }

    private static void bounds(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new AdministrationException(field, "admin.error.bounds", min, max);
        }
    }
}
