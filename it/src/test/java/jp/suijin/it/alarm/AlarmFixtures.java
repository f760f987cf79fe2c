package jp.suijin.it.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import jp.suijin.it.SuijinStackExtension;

/** Demo points and devices by code, alarm definitions written as the schema owner, and device posts. */
final class AlarmFixtures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlarmFixtures() {
    }

    static long pointId(String device, String point) throws Exception {
        return id("SELECT p.id FROM measurement_point p JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ?", device, point);
    }

    static long deviceId(String device) throws Exception {
        return id("SELECT id FROM field_device WHERE code = ?", device);
    }

    static long facilityId(String facility) throws Exception {
        return id("SELECT f.id FROM facility f JOIN organisation o ON o.id = f.organisation_id"
                + " WHERE o.code = 'demo' AND f.code = ?", facility);
    }

    private static long id(String sql, String... codes) throws Exception {
        try (Connection c = SuijinStackExtension.stack().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < codes.length; i++) {
                q.setString(i + 1, codes[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), String.join("/", codes));
                return r.getLong(1);
            }
        }
    }

    /** Replaces the point's alarm definition with the given column assignments. */
    static void define(long point, String assignments) throws Exception {
        try (Connection c = SuijinStackExtension.stack().connect()) {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM alarm_definition WHERE point_id = ?")) {
                d.setLong(1, point);
                d.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement(
                    "INSERT INTO alarm_definition (point_id, updated_at) VALUES (?, UTC_TIMESTAMP(3))");
                    PreparedStatement u = c.prepareStatement("UPDATE alarm_definition SET " + assignments
                            + " WHERE point_id = ?")) {
                i.setLong(1, point);
                i.executeUpdate();
                u.setLong(1, point);
                assertEquals(1, u.executeUpdate());
            }
        }
    }

    /** Posts time/value pairs for one point and checks all were accepted. */
    static void post(String device, String point, Object... timesAndValues) throws Exception {
        StringBuilder samples = new StringBuilder();
        for (int i = 0; i < timesAndValues.length; i += 2) {
            samples.append(samples.isEmpty() ? "" : ",").append("{\"point\": \"").append(point).append("\", \"time\": \"")
                    .append(timesAndValues[i]).append("\", \"value\": ").append(timesAndValues[i + 1]).append('}');
        }
        postRaw(device, samples.toString());
    }

    static void postRaw(String device, String samples) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(SuijinStackExtension.stack()
                .deviceUrl("api/device/v1/samples")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + SuijinStackExtension.stack().demo().deviceToken(device))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + device + "\", \"samples\": [" + samples
                        + "]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"rejected\":[]"), r.body());
    }
}
