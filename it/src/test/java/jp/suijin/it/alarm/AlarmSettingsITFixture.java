package jp.suijin.it.alarm;

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

/**
 * Organisations for the alarm settings suites, created once when the probe deploys. "it-alset" has
 * two facilities (ALM-1, ALM-2) each with a device and an analog (0–10 m), a counter (roll-over 1000)
 * and a state point (0=正常;1=故障;2=警告), an administrator, an operator and a user who may see only
 * ALM-2; "it-alset-b" has one such facility and an administrator; "it-alset-ui" one for the browser test.
 */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class AlarmSettingsITFixture {

    public static final String PASSWORD = "Alarm settings password 4711";
    public static final String ADMIN = "it-alset.admin";
    public static final String OPERATOR = "it-alset.op";
    public static final String LIMITED = "it-alset.alm2";
    public static final String OTHER_ADMIN = "it-alset-b.admin";
    public static final String PAGES_ADMIN = "it-alset-ui.admin";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-alset'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation alarm = new Organisation("it-alset", "IT 警報設定", now);
        Organisation other = new Organisation("it-alset-b", "IT 警報設定 別組織", now);
        Organisation pages = new Organisation("it-alset-ui", "IT 警報設定 画面", now);
        em.persist(alarm);
        em.persist(other);
        em.persist(pages);
        facility(alarm, "ALM-1", now);
        Facility second = facility(alarm, "ALM-2", now);
        facility(other, "ALM-B", now);
        facility(pages, "ALM-UI", now);
        em.persist(new User(alarm, ADMIN, "警報 管理者", "admin@it-alset.test", hash, Role.ADMIN, now));
        em.persist(new User(alarm, OPERATOR, "警報 運転員", "op@it-alset.test", hash, Role.OPERATOR, now));
        User limited = new User(alarm, LIMITED, "警報 第二のみ", "alm2@it-alset.test", hash, Role.OPERATOR, now);
        limited.getFacilities().add(second);
        em.persist(limited);
        em.persist(new User(other, OTHER_ADMIN, "別組織 管理者", "admin@it-alset-b.test", hash, Role.ADMIN, now));
        em.persist(new User(pages, PAGES_ADMIN, "画面 管理者", "admin@it-alset-ui.test", hash, Role.ADMIN, now));
    }

    private Facility facility(Organisation org, String code, Instant now) {
        Facility facility = new Facility(org, code, "検証 " + code + " 配水池", FacilityKind.DISTRIBUTION_RESERVOIR, 0, now);
        em.persist(facility);
        FieldDevice device = new FieldDevice(facility, code + "-TM", code + " テレメータ",
                PasswordHasher.sha256("unused token of " + code), now);
        em.persist(device);
        em.persist(new MeasurementPoint(device, "LI", "配水池水位", PointKind.ANALOG, 0).withScale("m", 0.0, 10.0, 2));
        em.persist(new MeasurementPoint(device, "FQ", "積算流量", PointKind.COUNTER, 1).withScale("m³", null, 1000.0, 0));
        em.persist(new MeasurementPoint(device, "P1-FLT", "1号ポンプ", PointKind.STATE, 2)
                .withStateLabels("0=正常;1=故障;2=警告"));
        return facility;
    }
}
