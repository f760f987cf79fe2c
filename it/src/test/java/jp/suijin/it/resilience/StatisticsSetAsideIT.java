package jp.suijin.it.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * One hour of one point whose statistics cannot be computed (the database refuses its hourly row, through
 * a trigger the test installs) is tried
 * again with growing pauses, then set aside after five failures: logged once, shown on the service
 * operators' health page, while every other point's statistics keep up. Once the cause is removed, the
 * service operator's retry computes it.
 */
class StatisticsSetAsideIT extends IntegrationTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String BAD = "FQ-101";
    private static final String GOOD = "LI-401";
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void anHourThatKeepsFailingIsSetAsideLoggedOnceShownAndRetriedWhileOtherPointsKeepUp() throws Exception {
        Instant h = LocalDate.now(JAPAN).minusDays(1).atTime(15, 0).atZone(JAPAN).toInstant();
        LogWindow log = LogWindow.fromNow();
        long bad = pointId(BAD);
        try (Connection c = stack().connect()) {
            for (int minute : new int[] {10, 20}) {
                try (PreparedStatement i = c.prepareStatement("INSERT INTO sample (point_id, sample_time, value, quality,"
                        + " received_at) VALUES (?, ?, 10, 0, ?)")) {
                    i.setLong(1, bad);
                    i.setObject(2, utc(h.plusSeconds(minute * 60L)));
                    i.setObject(3, utc(Instant.now()));
                    i.executeUpdate();
                }
            }
            try (PreparedStatement m = c.prepareStatement("INSERT IGNORE INTO rollup_pending (point_id, hour_start)"
                    + " VALUES (?, ?)")) {
                m.setLong(1, bad);
                m.setObject(2, utc(h));
                m.executeUpdate();
            }
            // a real failure the job cannot get past: the database refuses this point's hourly row (the values
            // no statistic can hold that first showed this are refused at ingest and clamped now, SampleLimitsIT)
            try (Statement t = c.createStatement()) {
                t.execute("CREATE TRIGGER it_refuse_hour BEFORE INSERT ON sample_hourly FOR EACH ROW IF NEW.point_id = "
                        + bad + " THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'it: hour refused'; END IF");
            }
        }
        try {
            post(GOOD, h.plusSeconds(900), 3.5);
            // each round fails the hour once; the clock moves past the longest pause between tries
            for (int round = 0; round < 10 && failure(bad, h, "set_aside_at") == null; round++) {
                AuditProbe.post("rollups");
                AuditProbe.advanceClock(Duration.ofMinutes(11));
            }
            assertEquals("5", failure(bad, h, "failures"));
            assertTrue(failure(bad, h, "last_error").contains("it: hour refused"), failure(bad, h, "last_error"));
            assertFalse(hourlyExists(bad, h), "the hour that cannot be computed has no statistics");
            assertTrue(hourlyExists(pointId(GOOD), h), "another point's hour was computed meanwhile");

            // set aside: skipped by later rounds, while new work of other points goes on
            post(GOOD, h.plusSeconds(3600 + 300), 4.0);
            AuditProbe.post("rollups");
            AuditProbe.post("rollups");
            assertTrue(hourlyExists(pointId(GOOD), h.plusSeconds(3600)));
            assertEquals("5", failure(bad, h, "failures"), "a set-aside hour is not tried again by itself");
            log.waitFor("set aside after 5 failures");
            assertEquals(1, LogWindow.count(log.text(), "set aside after 5 failures"), log.text());

            HttpResponse<String> page = serviceOperator().get("app/service/health.xhtml");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(BAD) && page.body().contains("setAside=1"), page.body());

            // the cause removed, the service operator retries: the hour is computed, nothing is left aside
            dropTrigger();
            PageClient operator = serviceOperator();
            operator.get("app/service/health.xhtml");
            HttpResponse<String> retried = operator.submit("setAside", "hours:0:retry", Map.of());
            assertTrue(retried.body().contains("再計算"), retried.body());
            AuditProbe.post("rollups");
            assertTrue(hourlyExists(bad, h));
            assertEquals(null, failure(bad, h, "failures"));
        } finally {
            dropTrigger();
            AuditProbe.resetClock();
        }
    }

    private static PageClient serviceOperator() throws Exception {
        PageClient client = new PageClient(stack().operatorUrl(""));
        HttpResponse<String> signedIn = client.signIn(AuditITFixture.SERVICE_OPERATOR, AuditITFixture.PASSWORD);
        assertTrue(signedIn.uri().getPath().startsWith("/app/service/"), signedIn.uri().toString());
        return client;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String failure(long point, Instant hour, String column) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT " + column
                + " FROM rollup_failure WHERE point_id = ? AND hour_start = ?")) {
            q.setLong(1, point);
            q.setObject(2, utc(hour));
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static boolean hourlyExists(long point, Instant hour) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(
                "SELECT 1 FROM sample_hourly WHERE point_id = ? AND hour_start = ?")) {
            q.setLong(1, point);
            q.setObject(2, utc(hour));
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }

    private static long pointId(String code) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT p.id FROM"
                + " measurement_point p JOIN facility f ON f.id = p.facility_id JOIN organisation o ON o.id = f.organisation_id"
                + " WHERE o.code = 'demo' AND p.code = ?")) {
            q.setString(1, code);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), code);
                return r.getLong(1);
            }
        }
    }

    private static String deviceOf(String point) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT d.code FROM"
                + " measurement_point p JOIN field_device d ON d.id = p.device_id WHERE p.id = ?")) {
            q.setLong(1, pointId(point));
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), point);
                return r.getString(1);
            }
        }
    }

    private void post(String point, Instant t, double value) throws Exception {
        String device = deviceOf(point);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(device))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + device + "\", \"samples\": [{\"point\": \""
                        + point + "\", \"time\": \"" + t + "\", \"value\": " + value + "}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\":1"), r.body());
    }

    private static void dropTrigger() throws SQLException {
        try (Connection c = stack().connect(); Statement t = c.createStatement()) {
            t.execute("DROP TRIGGER IF EXISTS it_refuse_hour");
        }
    }

}
