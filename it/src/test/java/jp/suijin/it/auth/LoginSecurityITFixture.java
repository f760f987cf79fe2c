package jp.suijin.it.auth;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FacilityKind;
import jp.suijin.persistence.user.OrganisationSecurity;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/** Users for the sign-in suites, created once when the probe deploys. */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class LoginSecurityITFixture {

    static final String PASSWORD = "Sign-in test password 42";
    static final String ADMIN_EMAIL = "admin@it-sec.test";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-sec'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation sec = new Organisation("it-sec", "IT サインイン検証", now);
        em.persist(sec);
        em.persist(new Facility(sec, "SEC-1", "検証 第一浄水場", FacilityKind.PURIFICATION_PLANT, 0, now));
        em.persist(new Facility(sec, "SEC-2", "検証 第二配水池", FacilityKind.DISTRIBUTION_RESERVOIR, 1, now));
        em.persist(new User(sec, "it-sec.admin", "検証 管理者", ADMIN_EMAIL, hash, Role.ADMIN, now));
        for (String login : new String[] {"it-lock", "it-lock-expiry", "it-otp", "it-otp-limit", "it-otp-expiry",
            "it-otp-resend", "it-otp-a", "it-otp-b", "it-mobile", "it-mobile-lock", "it-mobile-refresh", "it-account", "it-account-devices", "it-account-2step", "it-admin-target", "it-admin-locked", "it-session", "it-session-disabled", "it-session-role", "it-limited", "it-reset-counter", "it-logout", "it-otp-restart", "it-session-api", "it-session-paths", "it-mobile-full", "it-mobile-full-2"}) {
            User user = new User(sec, login, "検証 " + login, login + "@it-sec.test", hash, Role.OPERATOR, now);
            user.setOtpEnabled(login.startsWith("it-otp"));
            em.persist(user);
        }
        User locked = new User(sec, "it-timing-locked", "検証 ロック済み", "locked@it-sec.test", hash, Role.VIEWER, now);
        locked.recordFailedLogin(1, now);
        em.persist(locked);

        // a high threshold, so repeated wrong passwords for timing do not lock this user
        Organisation timing = new Organisation("it-timing", "IT 応答時間", now);
        em.persist(timing);
        em.flush();
        OrganisationSecurity rules = new OrganisationSecurity(timing.getId());
        rules.setLockoutThreshold(OrganisationSecurity.MAX_LOCKOUT_THRESHOLD);
        em.persist(rules);
        em.persist(new User(timing, "it-timing", "検証 応答時間", "timing@it-timing.test", hash, Role.VIEWER, now));
        em.persist(new User(timing, "it-timing.admin", "応答時間 管理者", "admin@it-timing.test", hash, Role.ADMIN, now));
        em.persist(new User(timing, "it-timing-otp", "応答時間 利用者", "otp@it-timing.test", hash, Role.OPERATOR, now));
    }
}
