package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jp.suijin.it.Deployments;
import jp.suijin.it.SuijinStackExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application with the sign-in fixture and the clock control beside it. */
final class LoginProbe {

    private LoginProbe() {
    }

    static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "login-probe.war")
                .addClasses(LoginSecurityITFixture.class, LoginSecurityITClockServlet.class, LoginSecurityITMechanism.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    static void advanceClock(Duration by) throws Exception {
        clock(HttpRequest.newBuilder(url("?advance=" + by)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static void resetClock() throws Exception {
        clock(HttpRequest.newBuilder(url("")).DELETE().build());
    }

    private static java.net.URI url(String query) {
        return SuijinStackExtension.stack().operatorUrl("login-probe/clock" + query);
    }

    private static void clock(HttpRequest request) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(204, r.statusCode(), r.body());
    }
}
