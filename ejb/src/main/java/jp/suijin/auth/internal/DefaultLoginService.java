package jp.suijin.auth.internal;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.suijin.audit.AuditLog;
import jp.suijin.audit.Outcome;
import jp.suijin.auth.ClientInfo;
import jp.suijin.auth.DeviceLoginOutcome;
import jp.suijin.auth.LoginOutcome;
import jp.suijin.auth.LoginService;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.auth.PasswordPolicy;
import jp.suijin.auth.PasswordRejectedException;
import jp.suijin.auth.ResendOutcome;
import jp.suijin.auth.SecureTokens;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.user.AccountToken;
import jp.suijin.persistence.user.LoginChallenge;
import jp.suijin.persistence.user.MobileDevice;
import jp.suijin.persistence.user.OrganisationSecurity;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

@Stateless
@PermitAll
public class DefaultLoginService implements LoginService {

    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password".toCharArray());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_USER_AGENT = 200;
    /** Refused sign-ins from a device without a free slot are mailed at most this often per user. */
    private static final Duration DEVICE_REFUSAL_NOTICE = Duration.ofHours(1);

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private MailOutbox mail;

    @Inject
    private Clock clock;

    @Inject
    private AccountLinks links;

    @Inject
    private CredentialChange credentials;

    @Inject
    private AuditLog audit;

    @Override
    public LoginOutcome checkPassword(String loginId, char[] password, ClientInfo client) {
        Instant now = clock.instant();
        User user = passwordMatches(loginId, password, now);
        if (user == null) {
            return LoginOutcome.of(LoginOutcome.Status.REFUSED);
        }
        if (user.isOtpEnabled() || rules(user).isOtpRequired()) {
            return startChallenge(user, rules(user), now);
        }
        return signedIn(user, client, now, "password");
    }

    @Override
    public DeviceLoginOutcome checkDevicePassword(String loginId, char[] password, String deviceKey, String deviceName,
            ClientInfo client) {
        Instant now = clock.instant();
        User user = passwordMatches(loginId, password, now);
        if (user == null) {
            return DeviceLoginOutcome.of(DeviceLoginOutcome.Status.REFUSED);
        }
        byte[] key = PasswordHasher.sha256(deviceKey);
        List<MobileDevice> active = em.createQuery("SELECT d FROM MobileDevice d WHERE d.user = :user"
                + " AND d.revokedAt IS NULL", MobileDevice.class).setParameter("user", user).getResultList();
        MobileDevice device = active.stream().filter(d -> MessageDigest.isEqual(d.getDeviceKeyHash(), key))
                .findFirst().orElse(null);
        if (device == null) {
            int slots = user.getDeviceSlots() != null ? user.getDeviceSlots() : rules(user).getDeviceSlots();
            if (active.size() >= slots) {
                // answered like a wrong password and counted like one: a distinct answer would tell
                // whoever tries passwords that this one is right; the user learns why by mail
                event("authn_device_refused", Outcome.DENIED, user, "all " + slots + " device slots in use: " + deviceName);
                countFailure(user, rules(user), now);
                int refusals = user.recordDeviceRefusal(now, DEVICE_REFUSAL_NOTICE);
                if (refusals > 0) {
                    refusedDevice(user, deviceName, slots, refusals, now);
                }
                return DeviceLoginOutcome.of(DeviceLoginOutcome.Status.REFUSED);
            }
            device = new MobileDevice(user, key, deviceName, now);
            em.persist(device);
            em.flush();
            event("authn_token_created", Outcome.OK, user, "mobile device " + device.getId() + " registered: " + deviceName);
        }
        device.used(now);
        succeeded(user, client, now, "mobile device " + device.getId());
        return new DeviceLoginOutcome(DeviceLoginOutcome.Status.SIGNED_IN, user.getLoginId(), user.getRole().name(),
                device.getId());
    }

    @Override
    public OptionalInt sessionIdleMinutes(String loginId, String role, Instant signedInAt) {
        User user = user(loginId);
        if (user == null || !user.isEnabled() || !user.getRole().name().equals(role)) {
            return OptionalInt.empty();
        }
        OrganisationSecurity rules = rules(user);
        Instant changed = user.getCredentialsChangedAt();
        boolean valid = clock.instant().isBefore(signedInAt.plus(Duration.ofHours(rules.getAbsoluteTimeoutHours())))
                && (changed == null || changed.isBefore(signedInAt));
        return valid ? OptionalInt.of(rules.getIdleTimeoutMinutes()) : OptionalInt.empty();
    }

    @Override
    public LoginOutcome checkCode(String challengeToken, String code, ClientInfo client) {
        Instant now = clock.instant();
        LoginChallenge challenge = challenge(challengeToken);
        if (challenge == null || !challenge.isOpenAt(now) || challenge.getUser().isLocked()
                || !challenge.getUser().isEnabled()) {
            return LoginOutcome.of(LoginOutcome.Status.REFUSED);
        }
        User user = challenge.getUser();
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (code != null && MessageDigest.isEqual(challenge.getCodeHash(), codeHash(challengeToken, code.strip()))) {
            challenge.use();
            return signedIn(user, client, now, "password and one-time code");
        }
        event("authn_otp_fail", Outcome.DENIED, user, "wrong one-time code");
        if (challenge.recordWrongCode(MAX_CODE_ATTEMPTS)) {
            failed(user, rules(user), now, "too many wrong one-time codes");
            return LoginOutcome.of(LoginOutcome.Status.REFUSED);
        }
        return LoginOutcome.of(LoginOutcome.Status.WRONG_CODE);
    }

    @Override
    public ResendOutcome resendCode(String challengeToken) {
        Instant now = clock.instant();
        LoginChallenge challenge = challenge(challengeToken);
        if (challenge == null || !challenge.isOpenAt(now) || challenge.getUser().isLocked()
                || !challenge.getUser().isEnabled()) {
            return new ResendOutcome(false, 0, true);
        }
        Instant allowed = challenge.getLastSentAt().plus(RESEND_INTERVAL);
        if (now.isBefore(allowed)) {
            return new ResendOutcome(false, Math.max(1, Duration.between(now, allowed).toSeconds()), false);
        }
        String code = newCode();
        challenge.resend(codeHash(challengeToken, code), now);
        sendCode(challenge.getUser(), code, challenge.getExpiresAt(), now);
        return new ResendOutcome(true, 0, false);
    }

    @Override
    public boolean unlock(String token) {
        Optional<User> user = links.redeem(token, AccountToken.Purpose.UNLOCK, clock.instant());
        user.ifPresent(u -> {
            u.unlock();
            event("authn_login_unlock", Outcome.OK, u, "mailed unlock link");
        });
        return user.isPresent();
    }

    @Override
    // its own transaction: the caller rolls back on a wrong password, the failure count must stay
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean verifyCurrentPassword(String loginId, char[] password) {
        return passwordMatches(loginId, password, clock.instant()) != null;
    }

    @Override
    public boolean isPasswordLinkValid(String token) {
        return links.isUsable(token, AccountToken.Purpose.PASSWORD_RESET, clock.instant());
    }

    @Override
    public boolean resetPassword(String token, char[] newPassword) {
        Instant now = clock.instant();
        if (!links.isUsable(token, AccountToken.Purpose.PASSWORD_RESET, now)) {
            return false;
        }
        // a rejected password throws an application exception that rolls back, so the link stays usable
        User owner = links.redeem(token, AccountToken.Purpose.PASSWORD_RESET, now).orElseThrow();
        PasswordPolicy.check(new String(newPassword), owner.getLoginId()).ifPresent(v -> {
            throw new PasswordRejectedException(PasswordRejectedException.Reason.valueOf(v.name()));
        });
        credentials.newPassword(owner, newPassword, now);
        owner.unlock();
        event("authn_password_change", Outcome.OK, owner, "mailed password link");
        return true;
    }

    /**
     * The user if the password is right and the account may sign in; null otherwise, after counting
     * the failure (and locking) or offering a new unlock link. The hash is computed in every case,
     * so the answer time does not tell the cases apart.
     */
    private User passwordMatches(String loginId, char[] password, Instant now) {
        User user = user(loginId);
        boolean matches = PasswordHasher.verify(password, user == null ? DUMMY_HASH : user.getPasswordHash());
        if (user == null) {
            audit.event("authn_login_fail", Outcome.DENIED, loginId == null ? null : loginId.strip(), null, null,
                    "unknown login ID");
            return null;
        }
        // locked only after the slow hash, so a flood of attempts on one login ID does not queue on its row;
        // the refresh re-reads the counter that concurrent attempts may have changed meanwhile
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        if (!user.isEnabled()) {
            event("authn_login_fail", Outcome.DENIED, user, "account disabled");
            return null;
        }
        OrganisationSecurity rules = rules(user);
        if (user.isLocked()) {
            event("authn_login_fail", Outcome.DENIED, user, "account locked");
            offerUnlockLink(user, rules, now);
            return null;
        }
        if (!matches) {
            failed(user, rules, now, "wrong password");
            return null;
        }
        if (PasswordHasher.needsRehash(user.getPasswordHash())) {
            user.setPasswordHash(PasswordHasher.hash(password));
        }
        return user;
    }

    private User user(String loginId) {
        if (loginId == null || loginId.isBlank()) {
            return null;
        }
        List<User> users = em.createQuery("SELECT u FROM User u WHERE u.loginId = :login", User.class)
                .setParameter("login", loginId.strip())
                .getResultList();
        return users.isEmpty() ? null : users.get(0);
    }

    private LoginChallenge challenge(String challengeToken) {
        if (challengeToken == null || challengeToken.isBlank()) {
            return null;
        }
        List<LoginChallenge> found = em.createQuery("SELECT c FROM LoginChallenge c WHERE c.challengeHash = :hash",
                LoginChallenge.class)
                .setParameter("hash", PasswordHasher.sha256(challengeToken))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private OrganisationSecurity rules(User user) {
        OrganisationSecurity rules = user.getOrganisation() == null ? null
                : em.find(OrganisationSecurity.class, user.getOrganisation().getId());
        return rules == null ? OrganisationSecurity.defaults() : rules;
    }

    private void failed(User user, OrganisationSecurity rules, Instant now, String why) {
        event("authn_login_fail", Outcome.DENIED, user, why);
        countFailure(user, rules, now);
    }

    /** One more failure toward the lockout; locking mails the unlock link and tells the administrators. */
    private void countFailure(User user, OrganisationSecurity rules, Instant now) {
        if (user.recordFailedLogin(rules.getLockoutThreshold(), now)) {
            event("authn_login_lock", Outcome.DENIED, user, "locked after " + rules.getLockoutThreshold() + " failures");
            sendUnlockLink(user, rules, now);
            notifyAdministrators(user, now);
        }
    }

    /** A locked user who tries again gets a new link once the last one has expired or was used. */
    private void offerUnlockLink(User user, OrganisationSecurity rules, Instant now) {
        if (!links.hasPending(user, AccountToken.Purpose.UNLOCK, now)) {
            sendUnlockLink(user, rules, now);
        }
    }

    private void sendUnlockLink(User user, OrganisationSecurity rules, Instant now) {
        String token = links.issue(user, AccountToken.Purpose.UNLOCK, now, Duration.ofMinutes(rules.getUnlockLinkMinutes()));
        mail.enqueue(MailTemplates.render("unlock", user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), AccountLinks.url("unlock.xhtml", token), rules.getUnlockLinkMinutes(),
                MailTemplates.jst(now)), "unlock", organisationId(user));
    }

    private List<User> administrators(User of) {
        return of.getOrganisation() == null ? List.of()
                : em.createQuery("SELECT u FROM User u WHERE u.organisation = :org AND u.role = :role"
                        + " AND u.enabled = true", User.class)
                        .setParameter("org", of.getOrganisation())
                        .setParameter("role", Role.ADMIN)
                        .getResultList();
    }

    private void notifyAdministrators(User locked, Instant now) {
        for (User admin : administrators(locked)) {
            mail.enqueue(MailTemplates.render("locked", admin.getEmail(), admin.getLocale(), admin.getDisplayName(),
                    locked.getLoginId(), locked.getDisplayName(), MailTemplates.jst(now)),
                    "account_locked", organisationId(admin));
        }
    }

    /** {@code refusals}: refused since the last notice, this one included (the latest is the one named). */
    private void refusedDevice(User user, String deviceName, int slots, int refusals, Instant now) {
        mail.enqueue(MailTemplates.render("devicefull", user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), deviceName, slots, MailTemplates.jst(now), refusals), "device_refused",
                organisationId(user));
        for (User admin : administrators(user)) {
            mail.enqueue(MailTemplates.render("devicefull.admin", admin.getEmail(), admin.getLocale(), admin.getDisplayName(),
                    user.getLoginId(), deviceName, slots, MailTemplates.jst(now), refusals), "device_refused",
                    organisationId(admin));
        }
    }

    private LoginOutcome startChallenge(User user, OrganisationSecurity rules, Instant now) {
        // one open challenge per user: restarting must not buy fresh guesses, and an abandoned
        // challenge with wrong codes counts as a failed sign-in
        for (LoginChallenge open : em.createQuery("SELECT c FROM LoginChallenge c WHERE c.user = :user"
                + " AND c.state = :open", LoginChallenge.class)
                .setParameter("user", user).setParameter("open", LoginChallenge.State.OPEN).getResultList()) {
            open.abandon();
            if (open.getFailedAttempts() > 0) {
                failed(user, rules, now, "abandoned a sign-in with wrong one-time codes");
            }
        }
        if (user.isLocked()) {
            return LoginOutcome.of(LoginOutcome.Status.REFUSED);
        }
        String challengeToken = SecureTokens.random();
        String code = newCode();
        Instant expires = now.plus(Duration.ofMinutes(rules.getOtpLifetimeMinutes()));
        em.persist(new LoginChallenge(user, PasswordHasher.sha256(challengeToken), codeHash(challengeToken, code), now,
                expires));
        sendCode(user, code, expires, now);
        event("authn_otp_sent", Outcome.OK, user, "one-time code mailed");
        return LoginOutcome.codeSent(challengeToken, maskEmail(user.getEmail()));
    }

    private void sendCode(User user, String code, Instant expires, Instant now) {
        mail.enqueue(MailTemplates.render("otp", user.getEmail(), user.getLocale(), user.getDisplayName(), code,
                Math.max(1, Duration.between(now, expires).toMinutes()), MailTemplates.jst(expires)),
                "otp", organisationId(user));
    }

    private LoginOutcome signedIn(User user, ClientInfo client, Instant now, String how) {
        succeeded(user, client, now, how);
        return LoginOutcome.signedIn(user.getLoginId(), user.getRole().name());
    }

    /** Resets the failure counter and mails the user that their account was used to sign in. */
    private void succeeded(User user, ClientInfo client, Instant now, String how) {
        int failures = user.getFailedLogins();
        event("authn_login_success", Outcome.OK, user, how);
        if (failures > 0) {
            event("authn_login_successafterfail", Outcome.OK, user, "retries=" + failures);
        }
        user.recordSuccessfulLogin();
        String agent = client.userAgent() == null ? "-" : client.userAgent().length() > MAX_USER_AGENT
                ? client.userAgent().substring(0, MAX_USER_AGENT) + "…" : client.userAgent();
        mail.enqueue(MailTemplates.render("signin", user.getEmail(), user.getLocale(), user.getDisplayName(),
                user.getLoginId(), MailTemplates.jst(now), client.ip(), agent), "signin", organisationId(user));
    }

    private static Long organisationId(User user) {
        return user.getOrganisation() == null ? null : user.getOrganisation().getId();
    }

    private void event(String name, Outcome outcome, User user, String detail) {
        audit.event(name, outcome, user.getLoginId(), user.getOrganisation() == null ? null : user.getOrganisation().getId(),
                "userId=" + user.getId(), detail);
    }

    /** The code is only valid with its challenge token, so a code alone is worth nothing. */
    private static byte[] codeHash(String challengeToken, String code) {
        return PasswordHasher.sha256(challengeToken + ":" + code);
    }

    private static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }


    /** o*******@example.jp: enough to recognise one's own address, not enough to learn someone else's. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "*".repeat(Math.max(3, at - 1)) + email.substring(at);
    }
}
