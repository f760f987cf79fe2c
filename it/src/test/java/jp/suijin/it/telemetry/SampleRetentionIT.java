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
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Raw samples live in monthly partitions; months past the raw retention are dropped as a whole.
 * Hourly and daily statistics are kept longer (the test stack: 760 days) and then deleted.
 */
class SampleRetentionIT extends IntegrationTest {

    private static final String DEVICE = "JS01-TM1";
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        AuditProbe.resetClock();
    }

    @Test
    void monthsPastRetentionAreDroppedAndRecentSamplesKept() throws Exception {
        List<String> partitions = partitions();
        assertTrue(partitions.contains("pmax") && partitions.size() >= 5, "months split off ahead: " + partitions);

        Instant old = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(old, "3.333");
        AuditProbe.post("rollups");
        assertEquals(1, count(old));
        assertEquals(1, statistics("sample_hourly", "hour_start", old));

        // past the raw retention, inside the statistics' retention
        Duration ahead = Duration.ofDays(730 + 5);
        AuditProbe.advanceClock(ahead);
        post(old.plus(ahead), "4.444");
        AuditProbe.post("sample-purge");
        assertEquals(1, statistics("sample_hourly", "hour_start", old), "statistics outlive the raw samples");
        assertEquals(1, statistics("sample_daily", "day_start", old));

        Duration further = Duration.ofDays(62);
        AuditProbe.advanceClock(further);
        Instant recent = old.plus(ahead).plus(further);
        post(recent, "5.555");
        AuditProbe.post("rollups");
        String dropped = AuditProbe.post("sample-purge");

        assertTrue(dropped.contains("p"), "partitions dropped: " + dropped);
        assertEquals(0, count(old), "two years and two months old: dropped with its month");
        assertEquals(1, count(recent));
        assertEquals(0, statistics("sample_hourly", "hour_start", old), "past 760 days: statistics deleted");
        assertEquals(0, statistics("sample_daily", "day_start", old));
        assertEquals(1, statistics("sample_hourly", "hour_start", recent));
    }

    private void post(Instant time, String value) throws Exception {
        String body = "{\"device\": \"" + DEVICE + "\", \"samples\": [{\"point\": \"LI-401\", \"time\": \"" + time
                + "\", \"value\": " + value + "}]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\":1"), r.body());
    }

    private static int count(Instant time) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM sample s"
                + " JOIN measurement_point p ON p.id = s.point_id JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = 'LI-401' AND s.sample_time = ?")) {
            q.setString(1, DEVICE);
            q.setObject(2, java.time.LocalDateTime.ofInstant(time, java.time.ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Rows of the table for this test's point for the UTC hour or Japan-time day of the time. */
    private static int statistics(String table, String column, Instant time) throws Exception {
        ZoneId japan = ZoneId.of("Asia/Tokyo");
        Instant start = column.equals("hour_start") ? time.truncatedTo(ChronoUnit.HOURS)
                : time.atZone(japan).toLocalDate().atStartOfDay(japan).toInstant();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM " + table
                + " s JOIN measurement_point p ON p.id = s.point_id JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = 'LI-401' AND s." + column + " = ?")) {
            q.setString(1, DEVICE);
            q.setObject(2, java.time.LocalDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static List<String> partitions() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT partition_name FROM"
                + " information_schema.partitions WHERE table_schema = DATABASE() AND table_name = 'sample'")) {
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }
}
