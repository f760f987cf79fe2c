package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Page sessions: a new id at sign-in, the absolute limit, and ending when the user is disabled or re-roled. */
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
