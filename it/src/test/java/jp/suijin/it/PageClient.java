package jp.suijin.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A plain HTTP client for the Faces pages, for tests that sign in many times (timing, lockout)
 * where a browser would be slow: keeps cookies, follows redirects, posts forms with their view state.
 */
public final class PageClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final URI base;
    private HttpResponse<String> last;

    public PageClient(URI base) {
        this(base, null);
    }

    private PageClient(URI base, SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL);
        http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    /**
     * A client of the operator HTTPS listener that trusts exactly the test domain's own certificate
     * (its cacerts), not any certificate.
     */
    public static PageClient overHttps(int port) throws Exception {
        Path cacerts = SuijinStackExtension.stack().domain().serverLog().getParent().getParent()
                .resolve("config/cacerts.p12");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(cacerts)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return new PageClient(URI.create("https://localhost:" + port + "/"), tls);
    }

    /** Puts a cookie into this client, as if the server had set it (to replay an old session id). */
    public void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        last = http.send(request(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /** Submits form {@code form} of the last page with the given fields, pressing button {@code button}. */
    public HttpResponse<String> submit(String form, String button, Map<String, String> fields)
            throws IOException, InterruptedException {
        last = http.send(post(form, button, fields), HttpResponse.BodyHandlers.ofString());
        return last;
    }

    /** Like {@link #submit}, for a button that answers with a file (an export); the last page stays the form's. */
    public HttpResponse<byte[]> download(String form, String button, Map<String, String> fields)
            throws IOException, InterruptedException {
        return http.send(post(form, button, fields), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest post(String form, String button, Map<String, String> fields) {
        Matcher vs = VIEW_STATE.matcher(last.body());
        if (!vs.find()) {
            throw new IllegalStateException("no form on " + last.uri() + ": " + last.body());
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(form, form);
        fields.forEach((k, v) -> params.put(form + ":" + k, v));
        params.put(form + ":" + button, "");
        params.put("jakarta.faces.ViewState", vs.group(1).replace("&#58;", ":"));
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(last.uri()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The current value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Like a Japanese browser: the pages are Japanese by default, but a client without Accept-Language gets the server's. */
    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept-Language", "ja-JP,ja;q=0.9");
    }

    /** A client of the test stack's operator pages, signed in (fails the test if the sign-in is refused). */
    public static PageClient signedIn(String login, String password) throws IOException, InterruptedException {
        PageClient client = new PageClient(SuijinStackExtension.stack().operatorUrl(""));
        HttpResponse<String> page = client.signIn(login, password);
        if (!page.uri().getPath().endsWith("/app/dashboard.xhtml")) {
            throw new AssertionError(login + " could not sign in: " + page.uri());
        }
        return client;
    }

    public HttpResponse<String> signIn(String login, String password) throws IOException, InterruptedException {
        get("login.xhtml");
        return submit("login", "submit", Map.of("loginId", login, "password", password));
    }
}
