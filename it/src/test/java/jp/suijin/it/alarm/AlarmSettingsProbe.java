package jp.suijin.it.alarm;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.suijin.it.Deployments;
import jp.suijin.it.SuijinStackExtension;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditITMechanism;
import jp.suijin.it.audit.AuditITServlet;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The whole application with the audit probe (so AuditProbe.flush() works), the alarm settings
 * fixture and the servlet calling the service.
 */
public final class AlarmSettingsProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlarmSettingsProbe() {
    }

    public static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "audit-probe.war")
                .addClasses(AuditITFixture.class, AuditITServlet.class, AuditITMechanism.class,
                        AlarmSettingsITFixture.class, AlarmSettingsITServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    /** Calls {@code method} of the servlet as {@code login} with the given parameters (name, value, ...; null values left out). */
    static HttpResponse<String> call(String login, String method, String... parameters) throws Exception {
        String body = IntStream.iterate(0, i -> i < parameters.length, i -> i + 2).filter(i -> parameters[i + 1] != null)
                .mapToObj(i -> URLEncoder.encode(parameters[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((login + ":" + AlarmSettingsITFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(SuijinStackExtension.stack().operatorUrl("audit-probe/alarm/" + method))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
