package jp.suijin.it.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The same unexpected error, many times: a real database fault (a trigger refuses every new sample)
 * makes each device post fail. Each answer is a 500 naming its own reference; the log gains one
 * trace of bounded length, and after a minute one line counting the repeats.
 */
class UnexpectedErrorIT extends IntegrationTest {

    private static final String DEVICE = "JS01-TM1";
    private static final Pattern REFERENCE = Pattern.compile("reference ([0-9a-f-]{36})");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void theSameErrorIsLoggedOnceWithItsReferenceThenCountedAndEveryAnswerNamesItsReference() throws Exception {
        LogWindow log = LogWindow.fromNow();
        Set<String> references = new HashSet<>();
        try (Connection c = stack().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER it_refuse_samples BEFORE INSERT ON sample FOR EACH ROW"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'it: samples refused'");
        }
        try {
            Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(200);
            for (int i = 0; i < 25; i++) {
                references.add(failingPost(t.plusSeconds(i)));
            }
            AuditProbe.advanceClock(Duration.ofMinutes(2));
            String latest = failingPost(t.plusSeconds(30));
            references.add(latest);
            log.waitFor("happened 25 more time(s)");
            String written = log.text();
            assertEquals(26, references.size(), "each answer has its own reference");
            Matcher first = REFERENCE.matcher(written);
            assertTrue(first.find(), written);
            assertTrue(references.contains(first.group(1)), "the trace is logged under a reference a client was given");
            assertEquals(1, LogWindow.count(written, "API request POST /api/device/v1/samples failed, reference "),
                    "one trace: " + written);
            assertTrue(written.contains("it: samples refused"), "the trace names the cause: " + written);
            assertTrue(written.contains("26 in all; latest: API request POST /api/device/v1/samples, reference " + latest),
                    written);
            String trace = written.substring(written.indexOf("failed, reference " + first.group(1)));
            assertTrue(trace.lines().limit(200).filter(l -> l.strip().startsWith("at ")).count() <= 60,
                    "a bounded trace: " + trace);
        } finally {
            try (Connection c = stack().connect(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS it_refuse_samples");
            }
            AuditProbe.resetClock();
        }
    }

    /** Posts a sample the database refuses; returns the reference the answer names. */
    private String failingPost(Instant t) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + DEVICE + "\", \"samples\": [{\"point\":"
                        + " \"LI-401\", \"time\": \"" + t + "\", \"value\": 2.0}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, r.statusCode(), r.body());
        JsonObject body = Json.createReader(new StringReader(r.body())).readObject();
        assertEquals("internal_error", body.getString("error"));
        Matcher m = REFERENCE.matcher(body.getString("message"));
        assertTrue(m.find(), r.body());
        return m.group(1);
    }
}
