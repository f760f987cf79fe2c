package jp.suijin.it.telemetry;

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
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/** Two organisations with one facility each, and a service operator; created once when the probe deploys. */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class TenantIsolationITFixture {

    static final String PASSWORD = "It-tenant-password-0123";
    static final String ADMIN_A = "it-a.admin";
    static final String VIEWER_B = "it-b.viewer";
    static final String SERVICE_OPERATOR = "it-ops";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-a'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation a = new Organisation("it-a", "IT 組織A", now);
        Organisation b = new Organisation("it-b", "IT 組織B", now);
        em.persist(a);
        em.persist(b);
        em.persist(new Facility(a, "IT-A1", "A市 浄水場", FacilityKind.PURIFICATION_PLANT, 0, now));
        em.persist(new Facility(b, "IT-B1", "B町 配水池", FacilityKind.DISTRIBUTION_RESERVOIR, 0, now));
        em.persist(new User(a, ADMIN_A, "A 管理者", "admin@it-a.test", hash, Role.ADMIN, now));
        em.persist(new User(b, VIEWER_B, "B 閲覧者", "viewer@it-b.test", hash, Role.VIEWER, now));
        em.persist(new User(null, SERVICE_OPERATOR, "運用担当", "ops@suijin.test", hash, Role.SERVICE_OPERATOR, now));
    }
}
