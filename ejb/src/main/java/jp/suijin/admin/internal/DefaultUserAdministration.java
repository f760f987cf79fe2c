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
import java.util.Objects;
import java.util.regex.Pattern;
import jp.suijin.admin.AdministrationException;
import jp.suijin.admin.NewUser;
import jp.suijin.admin.SecuritySettings;
import jp.suijin.admin.UserAdministration;
import jp.suijin.admin.UserRow;
import jp.suijin.auth.Caller;
import jp.suijin.auth.CallerLookup;
import jp.suijin.auth.Roles;
import jp.suijin.auth.internal.AccountLinks;
import jp.suijin.notify.MailService;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.user.AccountToken;
import jp.suijin.persistence.user.OrganisationSecurity;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

@Stateless
@RolesAllowed(Roles.ADMIN)
public class DefaultUserAdministration implements UserAdministration {

    /** How long a mailed set-password link stays valid. */
    static final Duration PASSWORD_LINK_VALIDITY = Duration.ofHours(24);
    private static final Pattern LOGIN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String UNUSABLE_PASSWORD = "!";

    @Inject
    private CallerLookup callers;

    @Inject
    private AccountLinks links;

    @Inject
    private MailService mail;

    @Inject
    private Clock clock;

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Override
    public List<UserRow> users() {
        Caller caller = callers.current();
        return em.createQuery("SELECT u FROM User u WHERE u.organisation.id = :org ORDER BY u.loginId", User.class)
                .setParameter("org", caller.organisationId())
                .getResultList().stream()
                .map(u -> new UserRow(u.getId(), u.getLoginId(), u.getDisplayName(), u.getEmail(), u.getRole(),
                        u.isEnabled(), u.isLocked(), u.isOtpEnabled(), u.getDeviceSlots(), activeDevices(u)))
                .toList();
    }

    @Override
    public long create(NewUser input) {
        Caller caller = callers.current();
        String loginId = input.loginId() == null ? "" : input.loginId().strip();
        if (!LOGIN_ID.matcher(loginId).matches()) {
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
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new AdministrationException("email", "admin.error.email");
        }
        if (input.role() == null || input.role() == Role.SERVICE_OPERATOR) {
            throw new AdministrationException("role", "admin.error.role");
        }
        Instant now = clock.instant();
        Organisation organisation = em.find(Organisation.class, caller.organisationId());
        // no password until the user sets one from the mailed link: this hash never verifies
        User user = new User(organisation, loginId, name, email, UNUSABLE_PASSWORD, input.role(), now);
        if ("en".equals(input.locale())) {
            user.setLocale("en");
        }
        em.persist(user);
        em.flush();
        mailPasswordLink(user, "welcome.password", now);
        return user.getId();
    }

    @Override
    public void setEnabled(long userId, boolean enabled) {
        User user = target(userId);
        notMyself(user, "enabled");
        user.setEnabled(enabled);
    }

    @Override
    public void unlock(long userId) {
        target(userId).unlock();
    }

    @Override
    public void setRole(long userId, Role role) {
        User user = target(userId);
        if (role == null || role == Role.SERVICE_OPERATOR) {
            throw new AdministrationException("role", "admin.error.role");
        }
        notMyself(user, "role");
        user.setRole(role);
    }

    @Override
    public void setDeviceSlots(long userId, Integer slots) {
        User user = target(userId);
        if (slots != null && (slots < 0 || slots > 20)) {
            throw new AdministrationException("deviceSlots", "admin.error.bounds", 0, 20);
        }
        user.setDeviceSlots(slots);
    }

    @Override
    public void sendPasswordLink(long userId) {
        mailPasswordLink(target(userId), "reset.password", clock.instant());
    }

    @Override
    public SecuritySettings settings() {
        OrganisationSecurity rules = rules(callers.current().organisationId());
        return new SecuritySettings(rules.getLockoutThreshold(), rules.isOtpRequired(), rules.getOtpLifetimeMinutes(),
                rules.getUnlockLinkMinutes(), rules.getDeviceSlots());
    }

    @Override
    public void saveSettings(SecuritySettings s) {
        bounds("lockoutThreshold", s.lockoutThreshold(), OrganisationSecurity.MIN_LOCKOUT_THRESHOLD,
                OrganisationSecurity.MAX_LOCKOUT_THRESHOLD);
        bounds("otpLifetimeMinutes", s.otpLifetimeMinutes(), 1, 10);
        bounds("unlockLinkMinutes", s.unlockLinkMinutes(), 5, 1440);
        bounds("deviceSlots", s.deviceSlots(), 0, 20);
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
    }

    private void mailPasswordLink(User user, String template, Instant now) {
        String token = links.issue(user, AccountToken.Purpose.PASSWORD_RESET, now, PASSWORD_LINK_VALIDITY);
        mail.send(MailTemplates.render(template, user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), AccountLinks.url("reset-password.xhtml", token), PASSWORD_LINK_VALIDITY.toHours()));
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

    private void notMyself(User user, String field) {
        if (user.getId() == callers.current().userId()) {
            throw new AdministrationException(field, "admin.error.self");
        }
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
