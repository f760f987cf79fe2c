package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import jp.suijin.it.Deployments;
import jp.suijin.it.SuijinStackExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application with the audit fixture and the service operator's test controls beside it. */
public final class AuditProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AuditProbe() {
    }

    /** @param more further classes for the probe WAR, e.g. a benchmark's servlet (signed in the same way) */
    public static EnterpriseArchive deployment(Class<?>... more) {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "audit-probe.war")
                .addClasses(AuditITFixture.class, AuditITServlet.class, AuditITMechanism.class)
                .addClasses(more)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    /** Writes a marker event that the tests can find by its target. */
    static void marker(String target) throws Exception {
        post("event?name=it_marker&target=" + target);
    }

    /** Returns once every record so far is written and the security monitor has examined it. */
    public static void flush() throws Exception {
        post("flush");
    }

    public static String post(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    public static void advanceClock(Duration by) throws Exception {
        post("clock?advance=" + by);
    }

    public static void resetClock() throws Exception {
        HttpResponse<String> r = HTTP.send(request("clock").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
    }

    private static HttpRequest.Builder request(String path) {
        URI uri = SuijinStackExtension.stack().operatorUrl("audit-probe/probe/" + path);
        String basic = Base64.getEncoder().encodeToString((AuditITFixture.SERVICE_OPERATOR + ":" + AuditITFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic);
    }
}
