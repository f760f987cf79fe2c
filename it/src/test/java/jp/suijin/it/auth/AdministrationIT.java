package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** An organisation's administrator manages its users and sign-in rules; nobody else may. */
class AdministrationIT extends IntegrationTest {

    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return LoginProbe.deployment();
    }

    @Test
    void onlyAdministratorsReachTheAdministrationPages() throws Exception {
        PageClient operator = PageClient.signedIn("it-admin-target", PASSWORD);
        HttpResponse<String> page = operator.get("app/admin/users.xhtml");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("このページは管理者のみ利用できます"), page.body());
    }

    @Test
    void aNewUserSetsTheirPasswordFromTheMailedLinkUnderThePolicy() throws Exception {
        Mails mails = Mails.fromNow();
        PageClient admin = PageClient.signedIn("it-sec.admin", PASSWORD);
        admin.get("app/admin/users.xhtml");
        HttpResponse<String> created = admin.submit("create", "submit", Map.of("loginId", "it-new-user",
                "displayName", "新規 利用者", "email", "new-user@it-sec.test", "role_input", "OPERATOR", "locale_input", "ja"));
        assertTrue(created.body().contains("ユーザー it-new-user を追加し"), created.body());
        assertTrue(admin.submit("create", "submit", Map.of("loginId", "it-new-user", "displayName", "重複",
                "email", "dup@it-sec.test", "role_input", "VIEWER", "locale_input", "ja")).body()
                .contains("ログインID it-new-user はすでに使われています"));

        String link = Mails.find(mails.next("new-user@it-sec.test", "パスワードの設定"),
                "(http\\S+/reset-password\\.xhtml\\?token=[A-Za-z0-9_-]{43})\\s");
        PageClient newUser = new PageClient(stack().operatorUrl(""));
        newUser.get(link);
        assertTrue(newUser.submit("reset", "submit", Map.of("password", "short")).body().contains("短すぎます"));
        assertTrue(newUser.submit("reset", "submit", Map.of("password", "a kettle of green tea at dawn")).body()
                .contains("パスワードを設定しました"));
        PageClient.signedIn("it-new-user", "a kettle of green tea at dawn");
        newUser.get(link);
        assertTrue(newUser.get(link).body().contains("このリンクは無効です"), "the link must work once");
    }

    @Test
    void disablingAndUnlockingTakeEffectAtTheNextSignIn() throws Exception {
        PageClient admin = PageClient.signedIn("it-sec.admin", PASSWORD);
        HttpResponse<String> users = admin.get("app/admin/users.xhtml");
        assertTrue(admin.submit("users", "list:" + row(users.body(), "it-admin-target") + ":disable", Map.of()).body()
                .contains("ユーザー it-admin-target を無効にしました"));
        assertTrue(new PageClient(stack().operatorUrl("")).signIn("it-admin-target", PASSWORD).uri().getPath()
                .endsWith("/login.xhtml"));
        users = admin.get("app/admin/users.xhtml");
        admin.submit("users", "list:" + row(users.body(), "it-admin-target") + ":enable", Map.of());
        PageClient.signedIn("it-admin-target", PASSWORD);

        PageClient attacker = new PageClient(stack().operatorUrl(""));
        for (int i = 0; i < 5; i++) {
            attacker.signIn("it-admin-locked", "guess " + i);
        }
        assertTrue(attacker.signIn("it-admin-locked", PASSWORD).uri().getPath().endsWith("/login.xhtml"));
        users = admin.get("app/admin/users.xhtml");
        assertTrue(users.body().contains("ロック中"));
        assertTrue(admin.submit("users", "list:" + row(users.body(), "it-admin-locked") + ":unlock", Map.of()).body()
                .contains("ユーザー it-admin-locked のロックを解除しました"));
        PageClient.signedIn("it-admin-locked", PASSWORD);

        // administrators are not offered to disable themselves (the service refuses it too)
        users = admin.get("app/admin/users.xhtml");
        assertTrue(!users.body().contains("id=\"users:list:" + row(users.body(), "it-sec.admin") + ":disable\""));
    }

    @Test
    void settingsOutsideTheirBoundsAreRefusedByName() throws Exception {
        PageClient admin = PageClient.signedIn("it-sec.admin", PASSWORD);
        admin.get("app/admin/security.xhtml");
        Map<String, String> tooLow = Map.of("lockout_hinput", "2", "otpLifetime_hinput", "5", "unlockLink_hinput", "30",
                "slots_hinput", "2", "idle_hinput", "30", "absolute_hinput", "12");
        assertTrue(admin.submit("settings", "save", tooLow).body().contains("ロックするまでのログイン失敗回数は 3〜100 回"));
        Map<String, String> tooLong = Map.of("lockout_hinput", "5", "otpLifetime_hinput", "5", "unlockLink_hinput", "30",
                "slots_hinput", "2", "idle_hinput", "30", "absolute_hinput", "48");
        assertTrue(admin.submit("settings", "save", tooLong).body().contains("最長時間は 1〜24 時間"));
        Map<String, String> fine = Map.of("lockout_hinput", "5", "otpLifetime_hinput", "5", "unlockLink_hinput", "30",
                "slots_hinput", "2", "idle_hinput", "30", "absolute_hinput", "12");
        assertTrue(admin.submit("settings", "save", fine).body().contains("セキュリティ設定を保存しました"));
    }

    @Test
    void aUserLimitedToOneFacilitySeesOnlyThatOne() throws Exception {
        PageClient admin = PageClient.signedIn("it-sec.admin", PASSWORD);
        HttpResponse<String> detail = admin.get("app/admin/user.xhtml?id=" + userId("it-limited"));
        String sec1 = facilityOption(detail.body(), "検証 第一浄水場");
        assertTrue(admin.submit("facilities", "save", Map.of("value", sec1)).body().contains("閲覧できる施設を変更しました"));

        HttpResponse<String> dashboard = PageClient.signedIn("it-limited", PASSWORD).get("app/dashboard.xhtml");
        assertTrue(dashboard.body().contains("data-facility=\"SEC-1\""), dashboard.body());
        assertTrue(!dashboard.body().contains("data-facility=\"SEC-2\""), "a facility the user may not see is shown");
    }

    @Test
    void anOrganisationCanRequireTwoStepSignInForEveryone() throws Exception {
        PageClient admin = PageClient.signedIn("it-timing.admin", PASSWORD);
        admin.get("app/admin/security.xhtml");
        Map<String, String> required = Map.of("lockout_hinput", "100", "otpRequired_input", "on", "otpLifetime_hinput", "5",
                "unlockLink_hinput", "30", "slots_hinput", "2", "idle_hinput", "30", "absolute_hinput", "12");
        assertTrue(admin.submit("settings", "save", required).body().contains("セキュリティ設定を保存しました"));
        try {
            Mails mails = Mails.fromNow();
            HttpResponse<String> next = new PageClient(stack().operatorUrl("")).signIn("it-timing-otp", PASSWORD);
            assertTrue(next.uri().getPath().endsWith("/login-code.xhtml"), next.uri().toString());
            mails.next("otp@it-timing.test", "ログイン認証コード");
        } finally {
            admin.get("app/admin/security.xhtml");
            Map<String, String> optional = Map.of("lockout_hinput", "100", "otpLifetime_hinput", "5",
                    "unlockLink_hinput", "30", "slots_hinput", "2", "idle_hinput", "30", "absolute_hinput", "12");
            assertTrue(admin.submit("settings", "save", optional).body().contains("セキュリティ設定を保存しました"));
        }
    }

    @Test
    void anotherOrganisationsUserIsNotFound() throws Exception {
        PageClient admin = PageClient.signedIn("it-sec.admin", PASSWORD);
        HttpResponse<String> foreign = admin.get("app/admin/user.xhtml?id=" + userId("it-timing"));
        assertTrue(foreign.body().contains("そのユーザーは見つかりません"), foreign.body());
        assertTrue(!foreign.body().contains("timing@it-timing.test"));
    }

    private static long userId(String login) throws Exception {
        try (java.sql.Connection c = stack().connect();
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT id FROM app_user WHERE login_id = ?")) {
            ps.setString(1, login);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The value of the checkbox labelled {@code name}. */
    private static String facilityOption(String html, String name) {
        Matcher m = Pattern.compile("value=\"(\\d+)\"[^>]*>(?:(?!</tr>).)*?" + Pattern.quote(name), Pattern.DOTALL)
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError(name + " not offered");
        }
        return m.group(1);
    }

    /** The row index of a user in the users table. */
    private static int row(String html, String login) {
        Matcher m = Pattern.compile("data-ri=\"(\\d+)\"(?:(?!</tr>).)*?>" + Pattern.quote(login) + "</a>",
                Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError(login + " not listed");
        }
        return Integer.parseInt(m.group(1));
    }
}
