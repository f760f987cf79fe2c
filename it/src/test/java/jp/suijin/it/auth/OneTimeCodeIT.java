package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two-step sign-in: the e-mailed code, its lifetime, single use, binding to the sign-in, attempt limit, resend throttle. */
class OneTimeCodeIT extends IntegrationTest {

    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;
    private static final String CODE = "認証コードは次のとおりです。\\s+(\\d{6})";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return LoginProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        LoginProbe.resetClock();
    }

    @Test
    void theMailedCodeCompletesTheSignInOnce() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();

        HttpResponse<String> codePage = browser.signIn("it-otp", PASSWORD);
        assertTrue(codePage.uri().getPath().endsWith("/login-code.xhtml"), codePage.uri().toString());
        assertTrue(codePage.body().contains("i*****@it-sec.test"), "masked address expected");
        assertFalse(codePage.body().contains("it-otp@it-sec.test"), "the full address must not be shown");
        String code = Mails.find(mails.next("it-otp@it-sec.test", "ログイン認証コード"), CODE);

        HttpResponse<String> wrong = browser.submit("code", "submit", Map.of("value", otherThan(code)));
        assertTrue(wrong.body().contains("認証コードが正しくありません"), wrong.body());
        HttpResponse<String> right = browser.submit("code", "submit", Map.of("value", code));
        assertTrue(right.uri().getPath().endsWith("/app/dashboard.xhtml"), right.uri().toString());

        // the same code in a new sign-in of the same user is worthless
        PageClient later = client();
        later.signIn("it-otp", PASSWORD);
        mails.next("it-otp@it-sec.test", "ログイン認証コード");
        assertTrue(later.submit("code", "submit", Map.of("value", code)).body().contains("認証コードが正しくありません"));
    }

    @Test
    void aCodeWorksOnlyForTheSignInItWasSentFor() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient a = client();
        PageClient b = client();
        a.signIn("it-otp-a", PASSWORD);
        String codeOfA = Mails.find(mails.next("it-otp-a@it-sec.test", "ログイン認証コード"), CODE);
        b.signIn("it-otp-b", PASSWORD);
        mails.next("it-otp-b@it-sec.test", "ログイン認証コード");

        assertTrue(b.submit("code", "submit", Map.of("value", codeOfA)).body().contains("認証コードが正しくありません"));
        assertTrue(a.submit("code", "submit", Map.of("value", codeOfA)).uri().getPath().endsWith("/app/dashboard.xhtml"));
    }

    @Test
    void fiveWrongCodesVoidTheSignInAndCountAsAFailedLogin() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();
        browser.signIn("it-otp-limit", PASSWORD);
        String code = Mails.find(mails.next("it-otp-limit@it-sec.test", "ログイン認証コード"), CODE);

        HttpResponse<String> page = null;
        for (int i = 0; i < 5; i++) {
            page = browser.submit("code", "submit", Map.of("value", otherThan(code)));
        }
        assertTrue(page.uri().getPath().endsWith("/login.xhtml"), page.uri().toString());
        assertTrue(page.body().contains("ログインを中止しました"), page.body());
        assertEquals(1, failedLogins("it-otp-limit"));
        browser.get("login-code.xhtml");
        assertTrue(browser.get("login-code.xhtml").uri().getPath().endsWith("/login.xhtml"), "the challenge must be gone");
    }

    @Test
    void startingTheSignInAgainDoesNotBuyFreshGuesses() throws Exception {
        Mails mails = Mails.fromNow();
        for (int round = 0; round < 5; round++) {
            PageClient browser = client();
            browser.signIn("it-otp-restart", PASSWORD);
            String code = Mails.find(mails.next("it-otp-restart@it-sec.test", "ログイン認証コード"), CODE);
            for (int i = 0; i < 4; i++) {
                browser.submit("code", "submit", Map.of("value", otherThan(code)));
            }
        }
        // each abandoned attempt with wrong codes counted as a failed sign-in: the fifth start locked the account
        HttpResponse<String> refused = client().signIn("it-otp-restart", PASSWORD);
        assertTrue(refused.uri().getPath().endsWith("/login.xhtml"), refused.uri().toString());
        assertTrue(failedLogins("it-otp-restart") >= 4, "failed sign-ins: " + failedLogins("it-otp-restart"));
    }

    @Test
    void aCodeExpires() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();
        browser.signIn("it-otp-expiry", PASSWORD);
        String code = Mails.find(mails.next("it-otp-expiry@it-sec.test", "ログイン認証コード"), CODE);

        LoginProbe.advanceClock(Duration.ofMinutes(5).plusSeconds(1));
        HttpResponse<String> late = browser.submit("code", "submit", Map.of("value", code));

        assertTrue(late.uri().getPath().endsWith("/login.xhtml"), late.uri().toString());
        assertTrue(late.body().contains("有効期限が切れた"), late.body());
    }

    @Test
    void resendingIsThrottledAndReplacesTheCode() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient browser = client();
        browser.signIn("it-otp-resend", PASSWORD);
        String first = Mails.find(mails.next("it-otp-resend@it-sec.test", "ログイン認証コード"), CODE);

        HttpResponse<String> tooSoon = browser.submit("code", "resend", Map.of("value", ""));
        assertTrue(tooSoon.body().matches("(?s).*再送信は \\d+ 秒後にできます.*"), tooSoon.body());

        LoginProbe.advanceClock(Duration.ofSeconds(61));
        assertTrue(browser.submit("code", "resend", Map.of("value", "")).body().contains("新しい認証コードを送信しました"));
        String second = Mails.find(mails.next("it-otp-resend@it-sec.test", "ログイン認証コード"), CODE);
        if (!first.equals(second)) {
            assertTrue(browser.submit("code", "submit", Map.of("value", first)).body().contains("認証コードが正しくありません"));
        }
        assertTrue(browser.submit("code", "submit", Map.of("value", second)).uri().getPath().endsWith("/app/dashboard.xhtml"));
    }

    private static PageClient client() {
        return new PageClient(stack().operatorUrl(""));
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static int failedLogins(String login) throws Exception {
        try (Connection c = stack().connect();
                PreparedStatement ps = c.prepareStatement("SELECT failed_logins FROM app_user WHERE login_id = ?")) {
            ps.setString(1, login);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
