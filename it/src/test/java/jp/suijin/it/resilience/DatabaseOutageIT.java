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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * A real database outage: the relay between the domain's pools and MariaDB is cut, then restored.
 * Devices get 503 with Retry-After, pages the short 503 page in Japanese and English, the log one
 * WARNING when it starts and one when it ends, and no SEVERE; afterwards posts are stored, once.
 */
class DatabaseOutageIT extends IntegrationTest {

    private static final String DEVICE = "JS01-TM1";
    private static final String POINT = "LI-401";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void devicesGet503PagesAShortPageAndTheLogOneWarningEachWayWhileTheDatabaseIsUnreachable() throws Exception {
        PageClient operator = PageClient.signedIn(AuditITFixture.OPERATOR, AuditITFixture.PASSWORD);
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(90);
        String batch = "{\"device\": \"" + DEVICE + "\", \"samples\": [{\"point\": \"" + POINT + "\", \"time\": \"" + t
                + "\", \"value\": 2.5}]}";
        LogWindow log = LogWindow.fromNow();

        try {
            stack().dbRelay().cut();
            for (int i = 0; i < 30; i++) {
                HttpResponse<String> r = post(batch);
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.headers().firstValue("Retry-After").isPresent(), "Retry-After");
                assertTrue(r.body().contains("\"error\":\"database_unavailable\""), r.body());
            }
            HttpResponse<String> ja = operator.get("app/dashboard.xhtml");
            assertEquals(503, ja.statusCode(), ja.body());
            assertTrue(ja.body().contains("一時的にご利用いただけません"), ja.body());
            assertNoInternals(ja.body());
            HttpResponse<String> en = http.send(HttpRequest.newBuilder(stack().operatorUrl("app/dashboard.xhtml"))
                    .header("Accept-Language", "en").header("Cookie", "JSESSIONID=" + operator.cookie("JSESSIONID"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, en.statusCode(), en.body());
            assertTrue(en.body().contains("Temporarily unavailable"), en.body());
            assertNoInternals(en.body());
            // the background jobs and the probe have run meanwhile (every 2 to 5 s)
            log.waitFor("Database unreachable since");
        } finally {
            stack().dbRelay().restore();
        }

        HttpResponse<String> stored = new FluentWait<>(batch).withTimeout(Duration.ofSeconds(90))
                .pollingEvery(Duration.ofMillis(500)).until(b -> {
                    HttpResponse<String> r = post(b);
                    return r.statusCode() == 200 ? r : null;
                });
        assertTrue(stored.body().contains("\"accepted\":1"), stored.body());
        log.waitFor("Database reachable again after");
        String written = log.text();
        assertEquals(1, LogWindow.count(written, "Database unreachable since"), written);
        assertEquals(1, LogWindow.count(written, "Database reachable again after"), written);
        assertEquals(0, LogWindow.count(written, "[SEVERE]"), written);
        // nothing else floods it either: no warning per request, per failed connection or per job round
        assertTrue(LogWindow.count(written, "[WARNING]") <= 3, written);
        assertEquals(1, storedCount(t), "the sample is stored once, none of the refused posts half-wrote it");
        // pages work again
        assertEquals(200, operator.get("app/dashboard.xhtml").statusCode());
    }

    /** No trace, no SQL, no class of ours, no database address (PrimeFaces names exception types in its settings). */
    private static void assertNoInternals(String page) {
        for (String internal : new String[] {"Caused by", "SQL", "jp.suijin", "127.0.0.1", "\tat "}) {
            assertFalse(page.contains(internal), internal + ": " + page);
        }
    }

    private HttpResponse<String> post(String body) {
        try {
            return http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int storedCount(Instant t) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM sample s"
                + " JOIN measurement_point p ON p.id = s.point_id JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ? AND s.sample_time = ?")) {
            q.setString(1, DEVICE);
            q.setString(2, POINT);
            q.setObject(3, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
