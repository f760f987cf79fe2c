package jp.suijin.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditProbe;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * A device sending values no statistic can hold (1.7e308 twice on a counter made an hour's sum
 * infinite, and the statistics job then failed on it for every organisation): they are rejected
 * sample by sample, and a non-finite statistic that still arises (from samples stored before the
 * bound) is stored clamped, so the other points' hourly and daily statistics and reports keep up.
 * Points of 南浜浄化センター (GS01), four days ago, an hour no other suite posts to.
 */
class SampleLimitsIT extends IntegrationTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String DEVICE = "GS01-TM1";
    private static final String COUNTER = "FQ-INF";
    private static final String ANALOG = "FI-INF";
    /** A counter whose hour gets two 1.7e308 samples straight into the database, as before the bound. */
    private static final String STORED_BEFORE = "FQ-EFF";
    private static final LocalDate DAY = LocalDate.now(JAPAN).minusDays(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void valuesNoStatisticCanHoldAreRejectedBySampleAndTheStatisticsAndReportsKeepUp() throws Exception {
        Instant h = DAY.atTime(7, 0).atZone(JAPAN).toInstant();
        HttpResponse<String> response = post(
                sample(COUNTER, h.plusSeconds(60), "1.7e308"),
                sample(COUNTER, h.plusSeconds(120), "1.7e308"),
                sample(ANALOG, h.plusSeconds(60), "1.7e308"),
                sample(ANALOG, h.plusSeconds(120), "1e400"),
                sample(ANALOG, h.plusSeconds(180), "\"NaN\""),
                sample(COUNTER, h.plusSeconds(180), "\"-Infinity\""),
                sample(COUNTER, h.plusSeconds(240), "1000000000000001"),
                sample(ANALOG, h.plusSeconds(600), "12.5"),
                sample(ANALOG, h.plusSeconds(1200), "13.5"),
                sample(COUNTER, h.plusSeconds(600), "5000"),
                sample(COUNTER, h.plusSeconds(1200), "5100"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals(4, json.getInt("accepted"), response.body());
        JsonArray rejected = json.getJsonArray("rejected");
        assertEquals(7, rejected.size(), response.body());
        String beyond = "in magnitude, the largest a sample may have";
        String[] reasons = {"value 1.7E308 is beyond 1.0E15 " + beyond, "value 1.7E308 is beyond 1.0E15 " + beyond,
            "value 1.7E308 is beyond 1.0E15 " + beyond, "value Infinity is beyond 1.0E15 " + beyond,
            "\"value\" must be a finite number; \"NaN\" is not one", "\"value\" must be a finite number; \"-Infinity\" is not one",
            "value 1.000000000000001E15 is beyond 1.0E15 " + beyond};
        for (int i = 0; i < reasons.length; i++) {
            assertEquals(i, rejected.getJsonObject(i).getInt("index"), response.body());
            assertEquals(reasons[i], rejected.getJsonObject(i).getString("reason"), response.body());
        }

        // as a device could before the bound: the hour's sum and increase overflow
        long victim = pointId(STORED_BEFORE);
        try (Connection c = stack().connect(); PreparedStatement s = c.prepareStatement("INSERT IGNORE INTO sample"
                + " (point_id, sample_time, value, quality, received_at) VALUES (?, ?, 1.7e308, 0, ?)");
                PreparedStatement mark = c.prepareStatement("INSERT IGNORE INTO rollup_pending (point_id, hour_start)"
                        + " VALUES (?, ?)")) {
            for (Instant t : new Instant[] {h.plusSeconds(60), h.plusSeconds(120)}) {
                s.setLong(1, victim);
                s.setObject(2, utc(t));
                s.setObject(3, utc(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
                s.executeUpdate();
            }
            mark.setLong(1, victim);
            mark.setObject(2, utc(h));
            mark.executeUpdate();
        }
        AuditProbe.post("rollups");

        assertEquals(Double.MAX_VALUE, stat("sample_hourly", "hour_start", STORED_BEFORE, h, "sum_value"),
                "stored clamped, not refused by the database");
        assertEquals(1.7e308, stat("sample_hourly", "hour_start", STORED_BEFORE, h, "max_value"));
        assertEquals(2, stat("sample_hourly", "hour_start", ANALOG, h, "samples"));
        assertEquals(26.0, stat("sample_hourly", "hour_start", ANALOG, h, "sum_value"));
        assertEquals(100.0, stat("sample_hourly", "hour_start", COUNTER, h, "delta_value"), 1e-9);
        Instant day = DAY.atStartOfDay(JAPAN).toInstant();
        assertEquals(26.0, stat("sample_daily", "day_start", ANALOG, day, "sum_value"));
        assertEquals(100.0, stat("sample_daily", "day_start", COUNTER, day, "delta_value"), 1e-9);
        assertEquals(0, pending(), "no hour is left waiting for its statistics");

        // the daily report shows the hour's average inflow and increase
        PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());
        viewer.get("app/reports.xhtml?facility=" + facilityId() + "&kind=DAILY&date=" + DAY);
        HttpResponse<byte[]> file = viewer.download("export", "xlsx", Map.of());
        assertEquals(200, file.statusCode());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = book.getSheetAt(0);
            Row seven = sheet.getRow(5 + 7);
            assertEquals("7:00", seven.getCell(0).getStringCellValue());
            assertEquals(13.0, seven.getCell(column(sheet, "流入下水量")).getNumericCellValue(), 1e-9);
            assertEquals(100.0, seven.getCell(column(sheet, "流入積算水量")).getNumericCellValue(), 1e-9);
        }
    }

    private static int column(Sheet sheet, String pointName) {
        Row headings = sheet.getRow(3);
        for (int c = 1; c < headings.getLastCellNum(); c++) {
            if (headings.getCell(c) != null && headings.getCell(c).getStringCellValue().startsWith(pointName)) {
                return c;
            }
        }
        throw new AssertionError("no column for " + pointName + " in the daily report");
    }

    private HttpResponse<String> post(String... samples) throws Exception {
        return http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString(DeviceApiIT.batch(DEVICE, String.join(",", samples)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String point, Instant time, String value) {
        return DeviceApiIT.sample(point, time, value);
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static double stat(String table, String column, String point, Instant start, String what) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT r." + what + " FROM "
                + table + " r WHERE r.point_id = ? AND r." + column + " = ?")) {
            q.setLong(1, pointId(point));
            q.setObject(2, utc(start));
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "no " + table + " row for " + point + " at " + start);
                return r.getDouble(1);
            }
        }
    }

    private static int pending() throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM rollup_pending");
                ResultSet r = q.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    private static long pointId(String point) throws Exception {
        return id("SELECT p.id FROM measurement_point p JOIN field_device d ON d.id = p.device_id"
                + " JOIN organisation o ON o.id = d.organisation_id WHERE o.code = 'demo' AND d.code = ? AND p.code = ?",
                DEVICE, point);
    }

    private static long facilityId() throws Exception {
        return id("SELECT f.id FROM facility f JOIN organisation o ON o.id = f.organisation_id"
                + " WHERE o.code = 'demo' AND f.code = ?", "GS01");
    }

    private static long id(String sql, String... args) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), sql);
                return r.getLong(1);
            }
        }
    }
}
