package jp.suijin.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Hourly and daily statistics follow the raw samples: checked against values computed here from
 * the samples posted, also after a late sample, across a counter reset and across a meter roll-over.
 */
class RollupIT extends IntegrationTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void hoursAndDaysMatchTheSamplesAlsoAfterALateOneAndACounterReset() throws Exception {
        // yesterday 10:00-12:00 Japan time: both hours in one Japan-time day, inside the late window
        Instant h = LocalDate.now(JAPAN).minusDays(1).atTime(10, 0).atZone(JAPAN).toInstant();
        String analog = "LI-401";
        String analogDevice = deviceOf(analog);
        Map<Instant, Double> levels = new TreeMap<>(Map.of(h.plusSeconds(600), 2.0, h.plusSeconds(1200), 3.0,
                h.plusSeconds(1800), 4.0, h.plus(Duration.ofMinutes(65)), 5.0));
        post(analogDevice, analog, levels);
        AuditProbe.post("rollups");
        assertHour(analog, h, levels);
        assertHour(analog, h.plus(Duration.ofHours(1)), levels);

        Map<Instant, Double> late = Map.of(h.plusSeconds(300), 1.0);
        post(analogDevice, analog, late);
        levels.putAll(late);
        AuditProbe.post("rollups");
        assertHour(analog, h, levels);
        assertDay(analog, h, levels);

        String counter = "FQ-101";
        Map<Instant, Double> totals = new TreeMap<>(Map.of(h.plusSeconds(600), 100.0, h.plusSeconds(1200), 150.0,
                h.plus(Duration.ofMinutes(70)), 30.0, h.plus(Duration.ofMinutes(80)), 45.0));
        post(deviceOf(counter), counter, totals);
        AuditProbe.post("rollups");
        assertEquals(50.0, stat("sample_hourly", "hour_start", counter, h, "delta_value"), 1e-9);
        // 150 -> 30 is a reset (the point has no upper range): 30 counted from zero, then 15 more
        assertEquals(30.0 + 15.0, stat("sample_hourly", "hour_start", counter, h.plus(Duration.ofHours(1)), "delta_value"),
                1e-9);
        assertEquals(50.0 + 45.0, stat("sample_daily", "day_start", counter, dayStart(h), "delta_value"), 1e-9);
    }

    @Test
    void aMeterThatRollsOverAtItsUpperRangeCountsTheIncreaseAcrossTheRollOver() throws Exception {
        // a six-digit meter: after 999,999 comes 0
        try (Connection c = stack().connect(); PreparedStatement u = c.prepareStatement(
                "UPDATE measurement_point SET range_high = 1000000 WHERE code = 'FQ-501'")) {
            assertEquals(1, u.executeUpdate());
        }
        Instant h = LocalDate.now(JAPAN).minusDays(1).atTime(14, 0).atZone(JAPAN).toInstant();
        post(deviceOf("FQ-501"), "FQ-501", new TreeMap<>(Map.of(h.plusSeconds(600), 999_980.0, h.plusSeconds(1200),
                999_995.0, h.plusSeconds(1800), 25.0, h.plusSeconds(2400), 40.0)));
        AuditProbe.post("rollups");
        // 15 up to 999,995, then 5 to the roll-over and 25 after it, then 15
        assertEquals(15.0 + 30.0 + 15.0, stat("sample_hourly", "hour_start", "FQ-501", h, "delta_value"), 1e-9);
    }

    private static void assertHour(String point, Instant hour, Map<Instant, Double> all) throws Exception {
        assertStats("sample_hourly", "hour_start", point, hour, within(all, hour, hour.plus(Duration.ofHours(1))));
    }

    private static void assertDay(String point, Instant any, Map<Instant, Double> all) throws Exception {
        Instant day = dayStart(any);
        assertStats("sample_daily", "day_start", point, day, within(all, day, day.plus(Duration.ofDays(1))));
    }

    private static List<Double> within(Map<Instant, Double> all, Instant from, Instant to) {
        return all.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && e.getKey().isBefore(to))
                .map(Map.Entry::getValue).toList();
    }

    private static void assertStats(String table, String column, String point, Instant start, List<Double> values)
            throws Exception {
        assertTrue(!values.isEmpty());
        assertEquals(values.size(), (int) stat(table, column, point, start, "samples"), table + " " + start);
        assertEquals(values.stream().mapToDouble(d -> d).min().orElseThrow(), stat(table, column, point, start, "min_value"));
        assertEquals(values.stream().mapToDouble(d -> d).max().orElseThrow(), stat(table, column, point, start, "max_value"));
        assertEquals(values.stream().mapToDouble(d -> d).sum(), stat(table, column, point, start, "sum_value"), 1e-9);
        assertEquals(values.get(0), stat(table, column, point, start, "first_value"));
        assertEquals(values.get(values.size() - 1), stat(table, column, point, start, "last_value"));
    }

    private static Instant dayStart(Instant t) {
        return t.atZone(JAPAN).toLocalDate().atStartOfDay(JAPAN).toInstant();
    }

    private static double stat(String table, String column, String point, Instant start, String what) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT r." + what + " FROM "
                + table + " r JOIN measurement_point p ON p.id = r.point_id WHERE p.code = ? AND r." + column + " = ?")) {
            q.setString(1, point);
            q.setObject(2, LocalDateTime.ofInstant(start, ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "no " + table + " row for " + point + " at " + start);
                return r.getDouble(1);
            }
        }
    }

    private static String deviceOf(String point) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT d.code FROM"
                + " measurement_point p JOIN field_device d ON d.id = p.device_id JOIN facility f ON f.id = p.facility_id"
                + " JOIN organisation o ON o.id = f.organisation_id WHERE o.code = 'demo' AND p.code = ?")) {
            q.setString(1, point);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), point);
                return r.getString(1);
            }
        }
    }

    private void post(String device, String point, Map<Instant, Double> values) throws Exception {
        StringBuilder samples = new StringBuilder();
        values.forEach((t, v) -> samples.append(samples.isEmpty() ? "" : ",").append("{\"point\": \"").append(point)
                .append("\", \"time\": \"").append(t).append("\", \"value\": ").append(v).append('}'));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(device))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + device + "\", \"samples\": [" + samples + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\":" + values.size()), r.body());
    }
}
