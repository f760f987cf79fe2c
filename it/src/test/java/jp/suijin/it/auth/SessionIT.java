package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Page sessions: a new id at sign-in, the absolute limit, ending when the user is disabled or re-roled
 * on every path a session reaches, and no way into the mobile API with a session cookie.
 */
class SessionIT extends IntegrationTest {

    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return LoginProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        LoginProbe.resetClock();
    }

    @Test
    void signingInGivesANewSessionId() throws Exception {
        PageClient browser = new PageClient(stack().operatorUrl(""));
        String before = sessionId(browser.get("login.xhtml"));
        HttpResponse<String> signedIn = browser.submit("login", "submit", Map.of("loginId", "it-session",
                "password", PASSWORD));
        assertTrue(signedIn.uri().getPath().endsWith("/app/dashboard.xhtml"), signedIn.uri().toString());
        assertNotEquals(before, browser.cookie("JSESSIONID"));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        PageClient browser = signedIn("it-logout");
        String before = browser.cookie("JSESSIONID");
        browser.get("app/dashboard.xhtml");
        HttpResponse<String> out = browser.submit("session", "logout", Map.of());
        assertTrue(out.uri().getPath().endsWith("/login.xhtml"), out.uri().toString());
        assertTrue(browser.get("app/dashboard.xhtml").uri().getPath().endsWith("/login.xhtml"));

        // the old session id, replayed, is worth nothing either
        PageClient replay = new PageClient(stack().operatorUrl(""));
        replay.setCookie("JSESSIONID", before);
        assertTrue(replay.get("app/dashboard.xhtml").uri().getPath().endsWith("/login.xhtml"));
        assertEquals("signed out", sessionEnd("it-logout"));
    }

    @Test
    void overHttpsTheSessionCookieIsSecureHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> page = PageClient.overHttps(stack().operatorUrl("").getPort() + 1).get("login.xhtml");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"),
                cookie);
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS expected over HTTPS");
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverActive() throws Exception {
        PageClient browser = signedIn("it-session");
        LoginProbe.advanceClock(Duration.ofHours(11));
        assertTrue(browser.get("app/dashboard.xhtml").uri().getPath().endsWith("/app/dashboard.xhtml"));
        LoginProbe.advanceClock(Duration.ofHours(1).plusMinutes(1));
        HttpResponse<String> ended = browser.get("app/dashboard.xhtml");
        assertTrue(ended.uri().getPath().endsWith("/login.xhtml"), ended.uri().toString());
        assertTrue(ended.body().contains("セッションが終了しました"), ended.body());
        assertTrue(sessionEnd("it-session").startsWith("ended by the session guard"));
    }

    @Test
    void disablingAUserEndsTheirOpenSession() throws Exception {
        PageClient user = signedIn("it-session-disabled");
        PageClient admin = signedIn("it-sec.admin");
        HttpResponse<String> users = admin.get("app/admin/users.xhtml");
        Matcher row = Pattern.compile("data-ri=\"(\\d+)\"(?:(?!</tr>).)*?>it-session-disabled</a>", Pattern.DOTALL)
                .matcher(users.body());
        assertTrue(row.find());
        admin.submit("users", "list:" + row.group(1) + ":disable", Map.of());

        HttpResponse<String> next = user.get("app/dashboard.xhtml");
        assertTrue(next.uri().getPath().endsWith("/login.xhtml"), next.uri().toString());
    }

    @Test
    void changingAUsersRoleEndsTheirOpenSession() throws Exception {
        PageClient user = signedIn("it-session-role");
        PageClient admin = signedIn("it-sec.admin");
        long id;
        try (java.sql.Connection c = stack().connect();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE login_id = 'it-session-role'");
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        admin.get("app/admin/user.xhtml?id=" + id);
        assertTrue(admin.submit("role", "save", Map.of("value_input", "VIEWER")).body().contains("権限を変更しました"));

        assertTrue(user.get("app/dashboard.xhtml").uri().getPath().endsWith("/login.xhtml"));
        assertTrue(signedIn("it-session-role").get("app/dashboard.xhtml").uri().getPath().endsWith("/app/dashboard.xhtml"));
    }

    @Test
    void aPageSessionCookieDoesNotOpenTheMobileApiOnlyItsBearerTokenDoes() throws Exception {
        PageClient browser = signedIn("it-session-api");
        HttpResponse<String> cookieOnly = browser.get("api/mobile/v1/facilities");
        assertEquals(401, cookieOnly.statusCode(), cookieOnly.body());
        assertEquals("token_required", Json.createReader(new StringReader(cookieOnly.body())).readObject()
                .getString("error"));
        assertTrue(browser.get("app/dashboard.xhtml").uri().getPath().endsWith("/app/dashboard.xhtml"),
                "the page session itself goes on");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("loginId", "it-session-api")
                        .add("password", PASSWORD).add("deviceId", "it-session-api-phone-0001").add("deviceName", "phone")
                        .build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String token = Json.createReader(new StringReader(login.body())).readObject().getString("accessToken");
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/facilities"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, bearer.statusCode(), bearer.body());
    }

    /**
     * Each path a page session reaches, each with a fresh session whose user is then disabled or has
     * their password changed: none of them answers as that user, and the session is over afterwards.
     */
    @Test
    void aSessionWhoseUserWasDisabledOrWhosePasswordChangedReachesNoPath() throws Exception {
        for (String change : List.of("UPDATE app_user SET enabled = FALSE WHERE login_id = ?",
                "UPDATE app_user SET credentials_changed_at = UTC_TIMESTAMP(3) WHERE login_id = ?")) {
            // the push socket: opens while the session is good, is refused after
            PageClient socketUser = signedInAgain();
            String push = pushUrl(socketUser.get("app/dashboard.xhtml"));
            openSocket(push, socketUser).sendClose(WebSocket.NORMAL_CLOSURE, "").join();
            changeUser(change);
            CompletionException refused = assertThrows(CompletionException.class, () -> openSocket(push, socketUser));
            assertTrue(refused.getCause() instanceof WebSocketHandshakeException, refused.toString());
            assertEnded(socketUser);

            // a page and a page's ajax request (polls, downloads and other form posts take the same path)
            PageClient pageUser = signedInAgain();
            changeUser(change);
            assertEnded(pageUser);
            PageClient ajaxUser = signedInAgain();
            changeUser(change);
            HttpResponse<String> poll = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    stack().operatorUrl("app/dashboard.xhtml")).header("Faces-Request", "partial/ajax")
                    .header("Cookie", "JSESSIONID=" + ajaxUser.cookie("JSESSIONID"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(poll.body().contains("<redirect url=\"") && poll.body().contains("login.xhtml?ended=1"),
                    poll.body());
            assertEnded(ajaxUser);

            // the mobile API: the cookie is no credential there, whatever the session's state
            PageClient apiUser = signedInAgain();
            changeUser(change);
            assertEquals(401, apiUser.get("api/mobile/v1/facilities").statusCode());
            assertEnded(apiUser);
        }
    }

    private static PageClient signedInAgain() throws Exception {
        changeUser("UPDATE app_user SET enabled = TRUE, credentials_changed_at = NULL WHERE login_id = ?");
        return signedIn("it-session-paths");
    }

    private static void changeUser(String change) throws Exception {
        try (java.sql.Connection c = stack().connect(); java.sql.PreparedStatement ps = c.prepareStatement(change)) {
            ps.setString(1, "it-session-paths");
            ps.executeUpdate();
        }
    }

    private static void assertEnded(PageClient user) throws Exception {
        HttpResponse<String> next = user.get("app/dashboard.xhtml");
        assertTrue(next.uri().getPath().endsWith("/login.xhtml"), next.uri().toString());
    }

    /** The alarm banner's socket address on a page (its channel id is in the page's script), as ws://. */
    private static String pushUrl(HttpResponse<String> page) {
        // OmniFaces.Push.init(host, "channel?id", ...): the script puts /omnifaces.push/ before it
        Matcher m = Pattern.compile("Push\\.init\\('[^']*','alarms\\?([0-9A-Za-z_-]+)'").matcher(page.body());
        int script = page.body().indexOf("Push.init");
        assertTrue(m.find(), "no push socket on " + page.uri() + ": "
                + (script < 0 ? "no Push.init" : page.body().substring(script, Math.min(page.body().length(), script + 300))));
        return stack().operatorUrl("omnifaces.push/alarms?" + m.group(1)).toString().replaceFirst("^http", "ws");
    }

    private static WebSocket openSocket(String url, PageClient user) {
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Cookie", "JSESSIONID=" + user.cookie("JSESSIONID"))
                .buildAsync(URI.create(url), new WebSocket.Listener() { }).join();
    }

    /** Why the user's last session ended, as the audit trail says (session_expired). */
    private static String sessionEnd(String login) throws Exception {
        try (java.sql.Connection c = stack().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT parameters FROM audit_record WHERE operation = 'session_expired' AND principal = ? ORDER BY seq DESC")) {
            ps.setString(1, login);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no session_expired record for " + login);
                return rs.getString(1);
            }
        }
    }

    private static PageClient signedIn(String login) throws Exception {
        return PageClient.signedIn(login, PASSWORD);
    }

    private static String sessionId(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
