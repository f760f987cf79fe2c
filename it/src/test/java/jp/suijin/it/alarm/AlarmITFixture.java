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
 * Organisations for the alarm suites, created once when the probe deploys: "it-alarm" with two
 * facilities, an administrator, an operator, a viewer and an operator limited to the second facility;
 * "it-alarm-b", whose administrator must not reach the first one's alarms; "it-alarm-ui" for the
 * browser test, so its banner shows no other suite's alarms.
 */
@Singleton
@Startup
@DependsOn("suijin-ejb.jar#SchemaMigrator")
public class AlarmITFixture {

    public static final String PASSWORD = "Alarm console password 4711";
    public static final String ADMIN = "it-alarm.admin";
    public static final String OPERATOR = "it-alarm.op";
    public static final String VIEWER = "it-alarm.viewer";
    /** Limited to facility ITA-2. */
    public static final String LIMITED = "it-alarm.limited";
    public static final String OTHER_ADMIN = "it-alarm-b.admin";
    public static final String PAGES_OPERATOR = "it-alarm-ui.op";

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @PostConstruct
    void create() {
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = 'it-alarm'").getResultList().isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        String hash = PasswordHasher.hash(PASSWORD.toCharArray());
        Organisation a = organisation("it-alarm", "IT 警報", now);
        Organisation b = organisation("it-alarm-b", "IT 警報 別組織", now);
        Organisation ui = organisation("it-alarm-ui", "IT 警報 画面", now);
        FieldDevice a1 = facility(a, "ITA-1", "警報 第一浄水場", now);
        point(a1, "LI", "配水池水位", 0);
        em.persist(new MeasurementPoint(a1, "P1", "1号ポンプ", PointKind.STATE, 1).withStateLabels("0=正常;1=故障"));
        FieldDevice a2 = facility(a, "ITA-2", "警報 第二配水池", now);
        point(a2, "LI", "配水池水位", 0);
        FieldDevice b1 = facility(b, "ITB-1", "別組織 浄水場", now);
        point(b1, "LI", "配水池水位", 0);
        FieldDevice u1 = facility(ui, "ITU-1", "画面 八雲浄水場", now);
        point(u1, "LI", "浄水池水位", 0);
        point(u1, "TU", "濁度", 1);
        user(a, ADMIN, Role.ADMIN, hash, now);
        user(a, OPERATOR, Role.OPERATOR, hash, now);
        user(a, VIEWER, Role.VIEWER, hash, now);
        user(a, LIMITED, Role.OPERATOR, hash, now).getFacilities().add(a2.getFacility());
        user(b, OTHER_ADMIN, Role.ADMIN, hash, now);
        user(ui, PAGES_OPERATOR, Role.OPERATOR, hash, now);
    }

    private Organisation organisation(String code, String name, Instant now) {
        Organisation o = new Organisation(code, name, now);
        em.persist(o);
        return o;
    }

    private FieldDevice facility(Organisation o, String code, String name, Instant now) {
        Facility f = new Facility(o, code, name, FacilityKind.PURIFICATION_PLANT, 0, now);
        em.persist(f);
        FieldDevice d = new FieldDevice(f, code + "-TM", name + " テレメータ", PasswordHasher.sha256(code), now);
        em.persist(d);
        return d;
    }

    private void point(FieldDevice device, String code, String name, int order) {
        em.persist(new MeasurementPoint(device, code, name, PointKind.ANALOG, order).withScale("m", 0.0, 10.0, 2));
    }

    private User user(Organisation o, String login, Role role, String hash, Instant now) {
        User u = new User(o, login, login, login + "@it-alarm.test", hash, role, now);
        em.persist(u);
        return u;
    }
}
