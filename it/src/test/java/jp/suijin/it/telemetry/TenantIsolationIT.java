package jp.suijin.it.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation is enforced by the service layer itself: the real FacilityService, deployed with
 * a probe WAR in place of the pages, is called as users of two organisations (signed in through the
 * real identity store) and refuses each the other's facilities.
 */
class TenantIsolationIT extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "tenant-probe.war")
                .addClasses(TenantIsolationITFixture.class, TenantIsolationITServlet.class, TenantIsolationITSecurity.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.servicesWith(probe);
    }

    @Test
    void eachOrganisationSeesOnlyItsOwnFacilities() throws Exception {
        HttpResponse<String> a = get("overview", TenantIsolationITFixture.ADMIN_A);
        HttpResponse<String> b = get("overview", TenantIsolationITFixture.VIEWER_B);

        assertEquals(200, a.statusCode(), a.body());
        assertEquals(200, b.statusCode(), b.body());
        assertTrue(a.body().contains("IT-A1"), a.body());
        assertFalse(a.body().contains("IT-B1"), a.body());
        assertTrue(b.body().contains("IT-B1"), b.body());
        assertFalse(b.body().contains("IT-A1"), b.body());
    }

    @Test
    void anotherOrganisationsFacilityCannotBeReadById() throws Exception {
        HttpResponse<String> own = get("facility?code=IT-A1", TenantIsolationITFixture.ADMIN_A);
        HttpResponse<String> foreign = get("facility?code=IT-B1", TenantIsolationITFixture.ADMIN_A);

        assertEquals(200, own.statusCode(), own.body());
        assertEquals("IT-A1", own.body());
        assertEquals(404, foreign.statusCode(), "FacilityNotFoundException expected, got: " + foreign.body());
    }

    @Test
    void aRoleWithoutAccessIsRefusedByTheService() throws Exception {
        HttpResponse<String> operator = get("overview", TenantIsolationITFixture.SERVICE_OPERATOR);

        assertEquals(403, operator.statusCode(), "EJBAccessException expected, got: " + operator.body());
    }

    @Test
    void aWrongPasswordIsNotSignedIn() throws Exception {
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(probe("overview"))
                .header("Authorization", basic(TenantIsolationITFixture.ADMIN_A, "not-the-password")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, wrong.statusCode());
    }

    private HttpResponse<String> get(String path, String login) throws Exception {
        return http.send(HttpRequest.newBuilder(probe(path))
                .header("Authorization", basic(login, TenantIsolationITFixture.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI probe(String path) {
        return stack().operatorUrl("tenant-probe/probe/" + path);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
