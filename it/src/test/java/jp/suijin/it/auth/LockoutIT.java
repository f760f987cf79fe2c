package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import jp.suijin.it.ServerLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lockout after repeated failures, the e-mailed unlock link, and answers that do not tell cases apart. */
class LockoutIT extends IntegrationTest {

    private static final String REFUSED = "ログインIDまたはパスワードが正しくないか";
    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return LoginProbe.deployment();
    }

    private static final List<String> SECRETS = new ArrayList<>(List.of(PASSWORD));

    @AfterEach
    void realTime() throws Exception {
        LoginProbe.resetClock();
    }

    @AfterAll
    static void noSecretReachedTheServerLog() throws Exception {
        ServerLog.assertNeverContains(SECRETS.toArray(String[]::new));
    }

    @Test
    void fiveFailuresLockEvenAgainstTheRightPasswordUntilTheMailedLinkIsFollowedOnce() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();
        for (int i = 0; i < 5; i++) {
            assertRefused(browser.signIn("it-lock", "wrong password " + i));
        }
        assertRefused(browser.signIn("it-lock", PASSWORD));

        MimeMessage unlockMail = mails.next("it-lock@it-sec.test", "ロックされました");
        MimeMessage adminMail = mails.next(LoginSecurityITFixture.ADMIN_EMAIL, "ユーザーのアカウントがロックされました");
        assertTrue(Mails.text(adminMail).contains("it-lock"), Mails.text(adminMail));
        String link = Mails.find(unlockMail, "(http\\S+/unlock\\.xhtml\\?token=[A-Za-z0-9_-]{43})\\s");
        SECRETS.add(token(link));

        PageClient mailReader = client();
        HttpResponse<String> landing = mailReader.get(link);
        assertTrue(landing.body().contains("ロックを解除する"), "opening the link alone must not unlock");
        assertRefused(browser.signIn("it-lock", PASSWORD));
        assertTrue(mailReader.submit("unlock", "submit", Map.of("token", token(link))).body().contains("ロックを解除しました"));

        assertTrue(client().signIn("it-lock", PASSWORD).uri().getPath().endsWith("/app/dashboard.xhtml"));
        mailReader.get(link);
        HttpResponse<String> again = mailReader.submit("unlock", "submit", Map.of("token", token(link)));
        assertTrue(again.body().contains("このリンクは無効です"), again.body());
        mailReader.get(link.replace(token(link), token(link).substring(1) + "A"));
        assertTrue(mailReader.submit("unlock", "submit", Map.of("token", token(link).substring(1) + "A")).body()
                .contains("このリンクは無効です"));
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() throws Exception {
        PageClient browser = client();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertRefused(browser.signIn("it-reset-counter", "wrong password " + i));
            }
            assertTrue(client().signIn("it-reset-counter", PASSWORD).uri().getPath().endsWith("/app/dashboard.xhtml"),
                    "4 failures, then the right password, twice: never locked");
        }
    }

    @Test
    void anUnlockLinkExpires() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();
        for (int i = 0; i < 5; i++) {
            browser.signIn("it-lock-expiry", "wrong password " + i);
        }
        String link = Mails.find(mails.next("it-lock-expiry@it-sec.test", "ロックされました"),
                "(http\\S+/unlock\\.xhtml\\?token=[A-Za-z0-9_-]{43})\\s");

        LoginProbe.advanceClock(Duration.ofMinutes(31));
        PageClient mailReader = client();
        mailReader.get(link);
        assertTrue(mailReader.submit("unlock", "submit", Map.of("token", token(link))).body().contains("このリンクは無効です"));
        assertRefused(client().signIn("it-lock-expiry", PASSWORD));
        // the locked user tried again after the link expired: a fresh link is mailed
        mails.next("it-lock-expiry@it-sec.test", "ロックされました");
    }

    @Test
    void unknownLoginWrongPasswordAndLockedAccountLookAndTakeTheSame() throws Exception {
        Map<String, List<Long>> times = Map.of("unknown", new ArrayList<>(), "wrong", new ArrayList<>(),
                "locked", new ArrayList<>());
        Map<String, String> pages = new java.util.HashMap<>();
        for (int round = 0; round < 7; round++) {
            for (String kind : List.of("unknown", "wrong", "locked")) {
                String login = switch (kind) {
                    case "unknown" -> "it-nobody";
                    case "wrong" -> "it-timing";
                    default -> "it-timing-locked";
                };
                String password = kind.equals("locked") ? PASSWORD : "not the password";
                PageClient browser = client();
                browser.get("login.xhtml");
                long start = System.nanoTime();
                HttpResponse<String> answer = browser.submit("login", "submit", Map.of("loginId", login, "password", password));
                times.get(kind).add(System.nanoTime() - start);
                assertEquals(200, answer.statusCode());
                assertRefused(answer);
                pages.put(kind, normalise(answer.body(), login));
            }
        }
        assertEquals(pages.get("unknown"), pages.get("wrong"));
        assertEquals(pages.get("unknown"), pages.get("locked"));

        long unknown = median(times.get("unknown"));
        for (String kind : List.of("wrong", "locked")) {
            long other = median(times.get(kind));
            long tolerance = Math.max(Duration.ofMillis(80).toNanos(), unknown / 4);
            assertTrue(Math.abs(other - unknown) < tolerance, "median " + kind + " " + other / 1_000_000 + " ms vs unknown "
                    + unknown / 1_000_000 + " ms");
        }
    }

    private static PageClient client() {
        return new PageClient(stack().operatorUrl(""));
    }

    private static void assertRefused(HttpResponse<String> page) {
        assertTrue(page.uri().getPath().endsWith("/login.xhtml"), page.uri().toString());
        assertTrue(page.body().contains(REFUSED), page.body());
        assertFalse(page.body().contains(PASSWORD));
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /** The page without what differs by nature: the view state and the login ID the user typed. */
    private static String normalise(String body, String login) {
        return body.replaceAll("value=\"[^\"]*\" autocomplete=\"off\"", "")
                .replaceAll("jakarta.faces.ViewState[^>]*value=\"[^\"]*\"", "")
                .replace(login, "LOGIN");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
