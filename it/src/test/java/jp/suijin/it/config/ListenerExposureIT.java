package jp.suijin.it.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.TestStack;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * What the listeners tell an anonymous client with the application deployed, as in production: no
 * version banners (headers, error pages, answers to malformed requests), no metrics, no OpenAPI.
 */
class ListenerExposureIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    /** No Server or X-Powered-By header and no product name or version on any listener, error pages included. */
    @Test
    void noListenerTellsTheServersNameOrVersion() throws Exception {
        TestStack stack = stack();
        HttpClient client = HttpClient.newBuilder().sslContext(DomainConfigIT.domainTrust(stack)).connectTimeout(Duration.ofSeconds(5)).build();
        List<HttpRequest> requests = List.of(
                get(stack.operatorUrl("login.xhtml")),
                get(stack.operatorUrl("no-such-page")),
                get(stack.operatorHttpsUrl("login.xhtml")),
                get(stack.operatorHttpsUrl("no-such-page")),
                HttpRequest.newBuilder(stack.deviceUrl("api/device/v1/samples")).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                get(stack.deviceUrl("no-such-page")));
        for (HttpRequest request : requests) {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertNoBannerHeaders(request.uri().toString(), answer);
            assertNoProductName(request.uri() + " (" + answer.statusCode() + ")", answer.body());
        }
        // the admin listener (127.0.0.1 only) sends no banner headers; its pages are Payara's own console and REST API
        assertNoBannerHeaders("admin listener", client.send(get(URI.create("http://127.0.0.1:" + stack.domain().adminPort()
                + "/management/domain")), HttpResponse.BodyHandlers.ofString()));
        // requests the container answers before any application sees them
        for (String raw : List.of("GET /%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/9.9\r\n\r\n", "NOT A REQUEST LINE\r\n\r\n")) {
            for (int port : new int[] {stack.operatorUrl("").getPort(), stack.devicePort()}) {
                String answer = rawExchange(port, raw);
                assertFalse(answer.contains("\r\nServer:") || answer.contains("X-Powered-By"), port + " " + raw + ": " + answer);
                assertNoProductName(port + " " + raw.strip(), answer);
            }
        }
    }

    /** Metrics and OpenAPI are not served to anyone on the operator listener. */
    @Test
    void metricsAndOpenApiAreNotServedOnTheOperatorListener() throws Exception {
        TestStack stack = stack();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : List.of("metrics", "metrics/base", "metrics/vendor", "openapi", "openapi/")) {
            HttpResponse<String> answer = client.send(get(stack.operatorUrl(path)), HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.statusCode() != 200, path + " answered 200: " + answer.body());
            assertFalse(answer.body().contains("SuijinPool") || answer.body().contains("openapi:")
                    || answer.body().contains("# TYPE") || answer.body().contains("jvm_"), path + ": " + answer.body());
        }
        assertTrue(stack.domain().admin("get-metrics-configuration").lines().skip(1).findFirst().orElse("").startsWith("false"));
        assertTrue(stack.domain().admin("get-openapi-configuration").lines().skip(1).findFirst().orElse("").startsWith("false"));
    }

    private static void assertNoBannerHeaders(String what, HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Server").isEmpty(), what + " Server: " + answer.headers());
        assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), what + " X-Powered-By: " + answer.headers());
    }

    private static void assertNoProductName(String what, String text) {
        for (String word : List.of("Payara", "GlassFish", "Glassfish", "Grizzly", "6.2025")) {
            assertFalse(text.contains(word), what + " names " + word + ": " + text);
        }
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
    }

    /** Sends raw bytes (requests an HTTP client would not send) and reads until the server closes. */
    private static String rawExchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (SocketTimeoutException e) {
                // kept open: what came so far is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

}
