package jp.suijin.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import jp.suijin.auth.PasswordHasher;
import jp.suijin.notify.Mail;
import jp.suijin.notify.MailOutbox;
import jp.suijin.notify.MailTemplates;
import jp.suijin.persistence.Organisation;
import jp.suijin.persistence.alarm.AlarmDefinition;
import jp.suijin.persistence.alarm.DeviceAlarmSetting;
import jp.suijin.persistence.alarm.RecipientGroup;
import jp.suijin.persistence.alarm.RecipientGroupMember;
import jp.suijin.persistence.alarm.Severity;
import jp.suijin.persistence.facility.Facility;
import jp.suijin.persistence.facility.FacilityKind;
import jp.suijin.persistence.facility.FieldDevice;
import jp.suijin.persistence.facility.MeasurementPoint;
import jp.suijin.persistence.facility.PointKind;
import jp.suijin.persistence.user.Role;
import jp.suijin.persistence.user.User;

/**
 * Loads the demo organisation ({@code demo-organisation.json}) once, on a domain whose
 * {@value DemoCredentials#FILE_PROPERTY} system property names the demo secrets file; the run
 * command sets it, production domains do not.
 */
@Singleton
@Startup
// after the audit writer has started: the welcome mails' enqueue calls are audited like any other
@DependsOn({"SchemaMigrator", "AuditMaintenance"})
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @PersistenceContext(unitName = "suijin")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private MailOutbox outbox;

    @PostConstruct
    void load() {
        String file = System.getProperty(DemoCredentials.FILE_PROPERTY);
        if (file == null) {
            return;
        }
        JsonObject demo = definition();
        String orgCode = demo.getJsonObject("organisation").getString("code");
        if (!em.createQuery("SELECT o FROM Organisation o WHERE o.code = :code", Organisation.class)
                .setParameter("code", orgCode).getResultList().isEmpty()) {
            return;
        }
        DemoCredentials credentials;
        try {
            credentials = DemoCredentials.read(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo secrets file named by " + DemoCredentials.FILE_PROPERTY, e);
        }
        List<Mail> welcome = create(demo, credentials);
        // the organisation's id exists once written; the welcome mails refer to it
        em.flush();
        long organisationId = em.createQuery("SELECT o.id FROM Organisation o WHERE o.code = :code", Long.class)
                .setParameter("code", orgCode).getSingleResult();
        welcome.forEach(m -> outbox.enqueue(m, "welcome", organisationId));
        LOG.info(() -> "Demo organisation '" + orgCode + "' loaded");
    }

    private List<Mail> create(JsonObject demo, DemoCredentials credentials) {
        Instant now = clock.instant();
        JsonObject o = demo.getJsonObject("organisation");
        Organisation org = new Organisation(o.getString("code"), o.getString("name"), now);
        em.persist(org);

        String passwordHash = PasswordHasher.hash(credentials.password().toCharArray());
        List<Mail> mails = new ArrayList<>();
        Map<String, User> users = new HashMap<>();
        for (JsonValue v : demo.getJsonArray("users")) {
            JsonObject u = v.asJsonObject();
            User user = new User(org, u.getString("login"), u.getString("name"), u.getString("email"), passwordHash,
                    Role.valueOf(u.getString("role")), now);
            em.persist(user);
            users.put(user.getLoginId(), user);
            mails.add(MailTemplates.render("welcome", user.getEmail(), u.getString("locale", "ja"),
                    user.getDisplayName(), org.getName(), user.getLoginId(), System.getProperty("suijin.operator-url", "")));
        }

        int facilityOrder = 0;
        for (JsonValue fv : demo.getJsonArray("facilities")) {
            JsonObject f = fv.asJsonObject();
            Facility facility = new Facility(org, f.getString("code"), f.getString("name"),
                    FacilityKind.valueOf(f.getString("kind")), facilityOrder++, now);
            em.persist(facility);
            for (JsonValue dv : f.getJsonArray("devices")) {
                JsonObject d = dv.asJsonObject();
                String code = d.getString("code");
                FieldDevice device = new FieldDevice(facility, code, d.getString("name"),
                        PasswordHasher.sha256(credentials.deviceToken(code)), now);
                em.persist(device);
                int pointOrder = 0;
                for (JsonValue pv : d.getJsonArray("points")) {
                    JsonObject p = pv.asJsonObject();
                    MeasurementPoint point = point(device, p, pointOrder++);
                    em.persist(point);
                    if (p.containsKey("alarm")) {
                        em.flush(); // the definition's key is the point's generated id
                        em.persist(alarm(point, p.getJsonObject("alarm"), now));
                    }
                }
                if (d.containsKey("commLossMinutes")) {
                    em.flush();
                    em.persist(new DeviceAlarmSetting(device, d.getInt("commLossMinutes"), Severity.MAJOR, now));
                }
            }
            for (JsonValue gv : f.getJsonArray("recipientGroups")) {
                JsonObject g = gv.asJsonObject();
                RecipientGroup group = new RecipientGroup(facility, now).define(g.getString("name"),
                        g.getBoolean("major"), g.getBoolean("minor"), g.getBoolean("notice"), g.getBoolean("recovery"),
                        g.getInt("delayMinutes"), true);
                for (JsonValue login : g.getJsonArray("users")) {
                    group.add(RecipientGroupMember.user(group, users.get(((JsonString) login).getString())));
                }
                em.persist(group);
            }
        }
        return mails;
    }

    private static AlarmDefinition alarm(MeasurementPoint point, JsonObject a, Instant now) {
        AlarmDefinition definition = new AlarmDefinition(point, now);
        int onDelay = a.getInt("onDelaySeconds", 0);
        if (a.containsKey("faultStates")) {
            String states = a.getJsonArray("faultStates").getValuesAs(JsonNumber.class).stream()
                    .map(n -> String.valueOf(n.longValue())).collect(Collectors.joining(";"));
            return definition.faultStates(states, Severity.valueOf(a.getString("stateSeverity")), onDelay, now);
        }
        return definition.limits(number(a, "hh"), severity(a, "hhSeverity"), number(a, "h"), severity(a, "hSeverity"),
                number(a, "l"), severity(a, "lSeverity"), number(a, "ll"), severity(a, "llSeverity"),
                a.getJsonNumber("deadband").doubleValue(), onDelay, now);
    }

    private static Severity severity(JsonObject o, String key) {
        return o.containsKey(key) ? Severity.valueOf(o.getString(key)) : null;
    }

    private static MeasurementPoint point(FieldDevice device, JsonObject p, int order) {
        PointKind kind = PointKind.valueOf(p.getString("kind"));
        MeasurementPoint point = new MeasurementPoint(device, p.getString("code"), p.getString("name"), kind, order);
        if (kind == PointKind.STATE) {
            return point.withStateLabels(p.getString("labels"));
        }
        return point.withScale(p.getString("unit", null), number(p, "low"), number(p, "high"), p.getInt("decimals", 0));
    }

    private static Double number(JsonObject o, String key) {
        JsonNumber n = o.getJsonNumber(key);
        return n == null ? null : n.doubleValue();
    }

    private static JsonObject definition() {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream("demo-organisation.json");
                JsonReader reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
