package jp.suijin.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/** The device API of the deployed EAR, over real HTTP on the device listener. */
class DeviceApiIT extends IntegrationTest {

    private static final String DEVICE = "JS01-TM1";
    private static final String PATH = "api/device/v1/samples";
    /** Devices speak HTTP/1.1; no h2c upgrade attempts. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @Test
    void storesValidSamplesAndListsRejectedOnesByIndex() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        String body = batch(DEVICE, sample("LI-401", t, "3.21") + "," + sample("NO-SUCH-POINT", t, "1")
                + "," + sample("CL-401", t.plus(3, ChronoUnit.DAYS), "0.5") + "," + sample("P1-RUN", t, "7")
                + "," + sample("CL-401", t, "0.45") + "," + sample("CL-401", t.minusSeconds(60), "9.5")
                + "," + sample("LI-401", t.minus(8, ChronoUnit.DAYS), "3.0"));

        HttpResponse<String> response = post(body, token(DEVICE));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject json = json(response);
        assertEquals(2, json.getInt("accepted"));
        var rejected = json.getJsonArray("rejected");
        assertEquals(5, rejected.size(), response.body());
        assertEquals(1, rejected.getJsonObject(0).getInt("index"));
        assertTrue(rejected.getJsonObject(0).getString("reason").contains("unknown point code 'NO-SUCH-POINT'"));
        assertEquals(2, rejected.getJsonObject(1).getInt("index"));
        assertTrue(rejected.getJsonObject(1).getString("reason").contains("in the future"));
        assertEquals(3, rejected.getJsonObject(2).getInt("index"));
        assertTrue(rejected.getJsonObject(2).getString("reason").contains("state 7 is not defined"));
        assertEquals(5, rejected.getJsonObject(3).getInt("index"));
        assertTrue(rejected.getJsonObject(3).getString("reason").contains("value 9.5 is outside the physical range"),
                response.body());
        assertEquals(6, rejected.getJsonObject(4).getInt("index"));
        assertTrue(rejected.getJsonObject(4).getString("reason").contains("older than the late window of 7 days"),
                response.body());
        assertEquals(3.21, storedValue("LI-401", t));
        assertEquals(0.45, storedValue("CL-401", t));
    }

    @Test
    void aRetriedBatchStoresEachSampleOnce() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        String body = batch(DEVICE, sample("TU-401", t, "0.012") + "," + sample("TU-401", t.plusSeconds(60), "0.013"));

        assertEquals(200, post(body, token(DEVICE)).statusCode());
        HttpResponse<String> retry = post(body, token(DEVICE));

        assertEquals(200, retry.statusCode());
        assertEquals(2, json(retry).getInt("accepted"));
        assertEquals(2, sampleCount("TU-401", t, t.plusSeconds(60)));
    }

    /**
     * A real deadlock with the batch's transaction: a second transaction, made the heavier of the two so
     * MariaDB rolls the batch back, holds the device row the batch will update and then asks for the
     * current-value row the batch has locked. The device still gets 200 (the server sent the batch again)
     * and the sample is stored once; the audit trail shows the attempt that lost.
     */
    @Test
    void aBatchChosenAsDeadlockVictimIsStoredByTheRetry() throws Exception {
        String point = "PH-401";
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(45);
        try (Connection setup = stack().connect(); Statement s = setup.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS it_deadlock_ballast (id INT PRIMARY KEY)");
        }
        Map<String, Integer> before = ingestOutcomes();
        CompletableFuture<HttpResponse<String>> response;
        try (Connection other = stack().connect(); Statement s = other.createStatement(); Connection probe = stack().connect();
                Statement p = probe.createStatement()) {
            other.setAutoCommit(false);
            s.executeUpdate("INSERT INTO it_deadlock_ballast SELECT seq FROM seq_1_to_5000");
            s.executeQuery("SELECT id FROM field_device WHERE code = '" + DEVICE + "' FOR UPDATE").close();
            response = http.sendAsync(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(DEVICE))
                    .POST(HttpRequest.BodyPublishers.ofString(batch(DEVICE, sample(point, t, "7.05")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String currentRow = "SELECT point_id FROM point_current WHERE point_id = " + pointId(point) + " FOR UPDATE";
            // the batch holds its current value (a third connection cannot have it), then waits for the device row
            new FluentWait<>(p).withTimeout(Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(20))
                    .ignoring(AssertionError.class).until(st -> {
                        try {
                            st.executeQuery(currentRow + " NOWAIT").close();
                            throw new AssertionError("the batch has not locked its current value yet");
                        } catch (SQLException e) {
                            if (e.getErrorCode() != 1205) {
                                throw new IllegalStateException(e);
                            }
                            return true;
                        }
                    });
            s.executeQuery(currentRow).close();
            other.rollback();
        }
        HttpResponse<String> answer = response.get(30, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(1, json(answer).getInt("accepted"));
        assertEquals(1, sampleCount(point, t, t));
        assertEquals(7.05, storedValue(point, t));
        // the attempt that lost is in the audit trail (written just after each call, by the audit writer)
        String conflict = "ERROR jp.suijin.telemetry.IngestConflictException";
        int conflicts = new FluentWait<>(before.getOrDefault(conflict, 0)).withTimeout(Duration.ofSeconds(10))
                .pollingEvery(Duration.ofMillis(100)).until(b -> {
                    int now = ingestOutcomes().getOrDefault(conflict, 0);
                    return now > b ? now : null;
                });
        assertEquals(before.getOrDefault(conflict, 0) + 1, conflicts);
    }

    /** How the device's ingest calls ended, by outcome and exception class, from the audit trail. */
    private static Map<String, Integer> ingestOutcomes() {
        Map<String, Integer> outcomes = new HashMap<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT outcome, error_class,"
                + " COUNT(*) FROM audit_record WHERE principal = ? AND bean_method LIKE '%.ingest'"
                + " GROUP BY outcome, error_class")) {
            q.setString(1, "device:" + DEVICE);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    outcomes.put(r.getString(1) + " " + r.getString(2), r.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return outcomes;
    }

    /**
     * The token alone finds the device: a token of no device and the right token of a disabled device get
     * the same answer. A token of another device is not "unknown": that device is told the batch is not its.
     */
    @Test
    void wrongTokenAndDisabledDeviceGetTheSameJson401() throws Exception {
        try (Connection c = stack().connect(); PreparedStatement disabled = c.prepareStatement("INSERT IGNORE INTO"
                + " field_device (facility_id, organisation_id, code, name, token_hash, enabled, created_at)"
                + " SELECT facility_id, organisation_id, 'IT-DISABLED', '停止中', UNHEX(SHA2(?, 256)), FALSE, NOW(3)"
                + " FROM field_device WHERE code = ?")) {
            disabled.setString(1, "token-of-a-disabled-device");
            disabled.setString(2, DEVICE);
            disabled.executeUpdate();
        }
        HttpResponse<String> unknown = post(batch("NO-SUCH-DEVICE", sample("LI-401", Instant.now(), "1")), "whatever");
        HttpResponse<String> wrongToken = post(batch(DEVICE, sample("LI-401", Instant.now(), "1")), "not-" + token(DEVICE));
        HttpResponse<String> off = post(batch("IT-DISABLED", sample("LI-401", Instant.now(), "1")),
                "token-of-a-disabled-device");

        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrongToken.statusCode());
        assertEquals(401, off.statusCode());
        assertEquals(unknown.body(), wrongToken.body());
        assertEquals(unknown.body(), off.body());
        assertEquals("device_unauthorized", json(unknown).getString("error"));
        assertTrue(unknown.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));

        HttpResponse<String> otherDevicesToken = post(batch(DEVICE, sample("LI-401", Instant.now(), "1")), token("HY01-TM1"));
        assertEquals(400, otherDevicesToken.statusCode(), otherDevicesToken.body());
        assertEquals("device_mismatch", json(otherDevicesToken).getString("error"));
    }

    /**
     * Mistakes a client can make in the body are 400 malformed_batch naming the limit, not 500; a wrong
     * token is answered 401 before the body is read or parsed; none of them writes SEVERE or a stack
     * trace into the server log.
     */
    @Test
    void clientMistakesAre400sNamingTheLimitAndLeaveTheServerLogQuiet() throws Exception {
        long logBefore = ServerLog.size();
        String deep = "{\"device\":\"" + DEVICE + "\",\"samples\":[" + "[".repeat(50_000) + "]".repeat(50_000) + "]}";
        String longNumber = batch(DEVICE, sample("LI-401", Instant.now().minusSeconds(30), "9".repeat(5000)));

        HttpResponse<String> nested = post(deep, token(DEVICE));
        assertEquals(400, nested.statusCode(), nested.body());
        assertEquals("malformed_batch", json(nested).getString("error"));
        assertTrue(json(nested).getString("message").contains("deeper than 8 levels"), nested.body());

        HttpResponse<String> digits = post(longNumber, token(DEVICE));
        assertEquals(400, digits.statusCode(), digits.body());
        assertEquals("malformed_batch", json(digits).getString("error"));
        assertTrue(json(digits).getString("message").contains("a number of 5000 characters"), digits.body());
        assertTrue(json(digits).getString("message").contains("at most 64 characters"), digits.body());

        // the token first: parsed, these bodies would have been 400s
        assertEquals(401, post(deep, "wrong-token").statusCode());
        assertEquals(401, post(longNumber, "wrong-token").statusCode());
        // and not even read: a body beyond the size limit without Content-Length would have been 413
        HttpResponse<String> unread = http.send(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                .header("Content-Type", "application/json").header("Authorization", "Bearer wrong-token")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"device\":\"" + DEVICE + "\",\"pad\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unread.statusCode(), unread.body());

        ServerLog.assertNoSevereOrStackTraceSince(logBefore);
    }

    @Test
    void malformedPayloadsGet400NamingTheProblem() throws Exception {
        HttpResponse<String> notJson = post("{\"device\": \"JS01-TM1\", \"samples\": [", token(DEVICE));
        assertEquals(400, notJson.statusCode());
        assertEquals("malformed_batch", json(notJson).getString("error"));
        assertTrue(json(notJson).getString("message").contains("not valid JSON"));

        HttpResponse<String> noSamples = post("{\"device\": \"JS01-TM1\"}", token(DEVICE));
        assertEquals(400, noSamples.statusCode());
        assertTrue(json(noSamples).getString("message").contains("\"samples\" must be an array"));

        HttpResponse<String> noDevice = post("[1, 2]", token(DEVICE));
        assertEquals(400, noDevice.statusCode());
        assertTrue(json(noDevice).getString("message").contains("JSON object"));
    }

    @Test
    void oversizedBatchesGet413() throws Exception {
        StringBuilder many = new StringBuilder();
        Instant t = Instant.now().minusSeconds(3600);
        for (int i = 0; i <= 10_000; i++) {
            many.append(i == 0 ? "" : ",").append(sample("LI-401", t.plusMillis(i), "1"));
        }
        HttpResponse<String> tooMany = post(batch(DEVICE, many.toString()), token(DEVICE));
        assertEquals(413, tooMany.statusCode());
        assertEquals("too_many_samples", json(tooMany).getString("error"));

        HttpResponse<String> tooBig = http.send(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\":\"JS01-TM1\",\"pad\":\""
                        + "x".repeat(3 * 1024 * 1024) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooBig.statusCode());
        assertEquals("body_too_large", json(tooBig).getString("error"));
    }

    @Test
    void missingBearerTokenAndWrongMediaTypeAreJsonErrors() throws Exception {
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batch(DEVICE, ""))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noToken.statusCode());
        assertTrue(json(noToken).getString("message").contains("Authorization: Bearer"));

        HttpResponse<String> text = http.send(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                .header("Content-Type", "text/plain").header("Authorization", "Bearer " + token(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, text.statusCode());
        assertEquals("unsupported_media_type", json(text).getString("error"));
    }

    @Test
    void eachListenerServesOnlyItsOwnSide() throws Exception {
        HttpResponse<String> apiOnOperatorSide = http.send(HttpRequest.newBuilder(stack().operatorUrl(PATH))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString(batch(DEVICE, ""))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, apiOnOperatorSide.statusCode());

        HttpResponse<String> loginOnDeviceSide = http.send(HttpRequest.newBuilder(stack().deviceUrl("login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, loginOnDeviceSide.statusCode());
        // dot segments, raw or encoded, must not smuggle pages onto the device side or the API onto the operator side
        for (String sneaky : new String[] {"api/device/../../login.xhtml", "api/device/%2e%2e/%2e%2e/login.xhtml",
            "api/device/..%2f..%2flogin.xhtml"}) {
            assertEquals(404, http.send(HttpRequest.newBuilder(stack().deviceUrl(sneaky)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), sneaky);
        }
        HttpResponse<String> apiViaDotsOnOperatorSide = http.send(HttpRequest.newBuilder(
                stack().operatorUrl("app/../api/device/v1/samples"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString(batch(DEVICE, ""))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, apiViaDotsOnOperatorSide.statusCode());

        HttpResponse<String> loginOnOperatorSide = http.send(HttpRequest.newBuilder(stack().operatorUrl("login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, loginOnOperatorSide.statusCode());
        String cookie = loginOnOperatorSide.headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("JSESSIONID=") && cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"),
                cookie);
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(stack().deviceUrl(PATH))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String device) {
        return stack().demo().deviceToken(device);
    }

    static String batch(String device, String samples) {
        return "{\"device\":\"" + device + "\",\"samples\":[" + samples + "]}";
    }

    static String sample(String point, Instant time, String value) {
        return "{\"point\":\"" + point + "\",\"time\":\"" + time.atOffset(ZoneOffset.ofHours(9)) + "\",\"value\":" + value + "}";
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "JSON answer expected, got " + response.headers().firstValue("Content-Type"));
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Double storedValue(String point, Instant time) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement ps = c.prepareStatement("SELECT s.value FROM sample s"
                + " JOIN measurement_point p ON p.id = s.point_id JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ? AND s.sample_time = ?")) {
            ps.setString(1, DEVICE);
            ps.setString(2, point);
            ps.setObject(3, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getDouble(1) : null;
            }
        }
    }

    private static long pointId(String point) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement ps = c.prepareStatement("SELECT p.id FROM measurement_point p"
                + " JOIN field_device d ON d.id = p.device_id WHERE d.code = ? AND p.code = ?")) {
            ps.setString(1, DEVICE);
            ps.setString(2, point);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), point);
                return rs.getLong(1);
            }
        }
    }

    private static int sampleCount(String point, Instant from, Instant to) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sample s"
                + " JOIN measurement_point p ON p.id = s.point_id JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ? AND s.sample_time BETWEEN ? AND ?")) {
            ps.setString(1, DEVICE);
            ps.setString(2, point);
            ps.setObject(3, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(4, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
