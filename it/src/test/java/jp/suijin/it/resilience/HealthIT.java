package jp.suijin.it.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * /health for load balancers: anonymous, only UP/200 or DOWN/503 and nothing of the internals; the
 * service operators' page names each check with its details. With the mail relay stopped the service
 * is DOWN and the page names the mail check.
 */
class HealthIT extends IntegrationTest {

    private static final String[] CHECKS = {"audit", "database", "mail", "statistics", "timers"};
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void aHealthyStackIsUpWithEveryCheckAndTheAnonymousAnswerHasNoInternals() throws Exception {
        // the timers and the statistics job have run once the application is up for a few seconds
        HttpResponse<String> ready = awaitHealth("health", 200);
        assertEquals("{\"status\":\"UP\"}", ready.body());
        assertEquals("{\"status\":\"UP\"}", get("health/ready").body());
        HttpResponse<String> live = get("health/live");
        assertEquals(200, live.statusCode());
        assertEquals("{\"status\":\"UP\"}", live.body());

        String page = serviceOperator().get("app/service/health.xhtml").body();
        for (String check : CHECKS) {
            assertTrue(page.contains("<strong>" + check + "</strong>"), check + ": " + page);
        }
        assertTrue(page.contains("jdbc/suijin-owner"), page);
        assertTrue(page.contains("reachable"), page);
        assertTrue(!page.contains("health-down"), "no check is DOWN: " + page);
    }

    @Test
    void withTheMailRelayStoppedTheServiceIsDownAndThePageNamesTheMailCheck() throws Exception {
        awaitHealth("health", 200);
        stack().mail().stopSmtp();
        try {
            // an answer is reused for two seconds
            HttpResponse<String> down = awaitHealth("health", 503);
            assertEquals("{\"status\":\"DOWN\"}", down.body(), "nothing but the status for anonymous callers");
            assertEquals(200, get("health/live").statusCode(), "still alive: a restart would not help");
            String page = serviceOperator().get("app/service/health.xhtml").body();
            assertTrue(page.contains("unreachable"), page);
            int mail = page.indexOf("<strong>mail</strong>");
            int mailDown = page.indexOf("health-down", mail);
            assertTrue(mail >= 0 && mailDown > mail && mailDown < page.indexOf("</tr>", mail),
                    "the mail check is DOWN: " + page);
        } finally {
            stack().mail().startSmtp();
        }
        awaitHealth("health", 200);
    }

    private HttpResponse<String> awaitHealth(String path, int status) {
        return new FluentWait<>(path).withTimeout(Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .until(p -> {
                    HttpResponse<String> r = get(p);
                    return r.statusCode() == status ? r : null;
                });
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(stack().operatorUrl(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PageClient serviceOperator() throws Exception {
        PageClient client = new PageClient(stack().operatorUrl(""));
        HttpResponse<String> signedIn = client.signIn(AuditITFixture.SERVICE_OPERATOR, AuditITFixture.PASSWORD);
        assertTrue(signedIn.uri().getPath().startsWith("/app/service/"), signedIn.uri().toString());
        return client;
    }
}
