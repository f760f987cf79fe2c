package jp.suijin.it.admin;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The whole application (pages and device API) with the audit probe, so AuditProbe.flush() works,
 * and beside it the facility administration fixture and the servlet calling the service.
 */
public final class ModelAdministrationProbe {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ModelAdministrationProbe() {
    }

    public static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "audit-probe.war")
                .addClasses(AuditITFixture.class, AuditITServlet.class, AuditITMechanism.class,
                        ModelAdministrationITFixture.class, ModelAdministrationITServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    /** Calls {@code method} of ModelAdministration as {@code login} with the given parameters (name, value, ...). */
    static HttpResponse<String> call(String login, String method, String... parameters) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            form.put(parameters[i], parameters[i + 1]);
        }
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String basic = Base64.getEncoder().encodeToString((login + ":" + ModelAdministrationITFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(SuijinStackExtension.stack().operatorUrl("audit-probe/model/" + method))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
