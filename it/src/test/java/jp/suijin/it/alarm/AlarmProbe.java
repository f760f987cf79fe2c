package jp.suijin.it.alarm;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jp.suijin.it.Deployments;
import jp.suijin.it.SuijinStackExtension;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditITMechanism;
import jp.suijin.it.audit.AuditITServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The whole application with the audit probe (so AuditProbe.flush() works), the alarm fixture and the
 * servlet calling AlarmConsole; and alarms written into the table as the alarm evaluation writes them
 * (as the schema owner, until the evaluation exists).
 */
public final class AlarmProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlarmProbe() {
    }

    public static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "audit-probe.war")
                .addClasses(AuditITFixture.class, AuditITServlet.class, AuditITMechanism.class, AlarmITFixture.class,
                        AlarmITServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    /** Calls {@code method} as {@code login} with the given parameters (name, value, ...). */
    static HttpResponse<byte[]> call(String login, String method, String... parameters) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            if (parameters[i + 1] != null) {
                form.put(parameters[i], parameters[i + 1]);
            }
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((login + ":" + AlarmITFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(SuijinStackExtension.stack().operatorUrl("audit-probe/alarm/" + method))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Raises an alarm on a point of a facility (by codes), as the evaluation does; returns its id. */
    static long raise(String facilityCode, String pointCode, String kind, String severity, Instant at, double value,
            Double limit) throws Exception {
        try (Connection c = SuijinStackExtension.stack().connect(); PreparedStatement q = c.prepareStatement(
                "INSERT INTO alarm (organisation_id, facility_id, point_id, kind, severity, open_key, raised_at,"
                        + " raised_value, limit_value) SELECT f.organisation_id, f.id, p.id, ?, ?, CONCAT('P', p.id, ':', ?),"
                        + " ?, ?, ? FROM measurement_point p JOIN facility f ON f.id = p.facility_id"
                        + " WHERE f.code = ? AND p.code = ?", Statement.RETURN_GENERATED_KEYS)) {
            q.setString(1, kind);
            q.setString(2, severity);
            q.setString(3, kind);
            q.setObject(4, utc(at));
            q.setDouble(5, value);
            q.setObject(6, limit);
            q.setString(7, facilityCode);
            q.setString(8, pointCode);
            if (q.executeUpdate() != 1) {
                throw new IllegalStateException("no point " + facilityCode + "/" + pointCode);
            }
            try (ResultSet keys = q.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Clears an alarm as the evaluation does: the condition is over, its key free for the next alarm. */
    static void clear(long alarmId, Instant at, double value) throws Exception {
        try (Connection c = SuijinStackExtension.stack().connect(); PreparedStatement q = c.prepareStatement(
                "UPDATE alarm SET open_key = NULL, cleared_at = ?, cleared_value = ? WHERE id = ?")) {
            q.setObject(1, utc(at));
            q.setDouble(2, value);
            q.setLong(3, alarmId);
            q.executeUpdate();
        }
    }

    /** Marks an alarm acknowledged, so it no longer needs anyone's attention once cleared too. */
    static void acknowledge(long alarmId) throws Exception {
        try (Connection c = SuijinStackExtension.stack().connect(); PreparedStatement q = c.prepareStatement(
                "UPDATE alarm SET acked_at = UTC_TIMESTAMP(3) WHERE id = ? AND acked_at IS NULL")) {
            q.setLong(1, alarmId);
            q.executeUpdate();
        }
    }

    /**
     * Publishes the alarm's event through the application's AlarmBroadcast, after a committed transaction;
     * returns when it committed (the server's clock, the same machine's).
     */
    static Instant signal(String login, long alarmId, String event) throws Exception {
        HttpResponse<byte[]> r = call(login, "signal", "alarm", String.valueOf(alarmId), "event", event);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("signal: " + r.statusCode() + " " + body);
        }
        return Instant.parse(body);
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
