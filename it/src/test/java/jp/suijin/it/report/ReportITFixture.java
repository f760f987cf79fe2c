package jp.suijin.it.report;

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
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/** A second organisation, with an administrator and a facility with one point, to be kept out of the demo organisation's reports. */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class ReportITFixture {

    static final String PASSWORD = "Report test password 5521";
    static final String OTHER_ADMIN = "it-report.other";
    static final String OTHER_FACILITY = "IT-RPT-B1";
    static final String OTHER_POINT = "RB-LI";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-report-b'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Organisation other = new Organisation("it-report-b", "IT 帳票 別組織", now);
        em.persist(other);
        Facility facility = new Facility(other, OTHER_FACILITY, "別組織 配水池", FacilityKind.DISTRIBUTION_RESERVOIR, 0, now);
        em.persist(facility);
        FieldDevice device = new FieldDevice(facility, "IT-RPT-B1-TM", "別組織 テレメータ", new byte[32], now);
        em.persist(device);
        em.persist(new MeasurementPoint(device, OTHER_POINT, "別組織 水位", PointKind.ANALOG, 0).withScale("m", 0.0, 5.0, 2));
        em.persist(new User(other, OTHER_ADMIN, "別組織 管理者", "admin@it-report.test",
                PasswordHasher.hash(PASSWORD.toCharArray()), Role.ADMIN, now));
    }
}
