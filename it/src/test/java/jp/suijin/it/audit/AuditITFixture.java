package jp.suijin.it.audit;

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
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/** An organisation for the audit tests, with an administrator, operators and a service operator. */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class AuditITFixture {

    public static final String PASSWORD = "Audit test password 7731";
    static final String ORGANISATION = "it-audit";
    public static final String ADMIN = "it-audit.admin";
    static final String ADMIN_EMAIL = "admin@it-audit.test";
    public static final String OPERATOR = "it-audit.op";
    static final String MOBILE = "it-audit.mobile";
    public static final String SERVICE_OPERATOR = "it-audit.ops";
    static final String DEVICE = "IT-AUDIT-TM1";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = :code").setParameter("code", ORGANISATION)
                .getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation org = new Organisation(ORGANISATION, "IT 監査", now);
        em.persist(org);
        em.persist(new User(org, ADMIN, "監査 管理者", ADMIN_EMAIL, hash, Role.ADMIN, now));
        em.persist(new User(org, OPERATOR, "監査 運転員", "op@it-audit.test", hash, Role.OPERATOR, now));
        em.persist(new User(org, MOBILE, "監査 携帯", "mobile@it-audit.test", hash, Role.OPERATOR, now));
        for (int i = 1; i <= 12; i++) {
            em.persist(new User(org, "it-audit.u" + i, "監査 利用者" + i, "u" + i + "@it-audit.test", hash, Role.VIEWER, now));
        }
        User twoStep = new User(org, "it-audit.otp", "監査 2段階", "otp@it-audit.test", hash, Role.OPERATOR, now);
        twoStep.setOtpEnabled(true);
        em.persist(twoStep);
        em.persist(new User(org, "it-audit.lockme", "監査 ロック対象", "lockme@it-audit.test", hash, Role.VIEWER, now));
        // a field device the organisation knows, for refused device sign-ins (SecurityRulesIT)
        Facility plant = new Facility(org, "AUD-1", "監査 浄水場", FacilityKind.PURIFICATION_PLANT, 0, now);
        em.persist(plant);
        em.persist(new FieldDevice(plant, DEVICE, "監査 テレメータ", PasswordHasher.sha256("it-audit device token"), now));
        em.persist(new User(null, SERVICE_OPERATOR, "監査 運用", "ops@it-audit.test", hash, Role.SERVICE_OPERATOR, now));
    }
}
