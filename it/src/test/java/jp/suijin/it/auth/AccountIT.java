package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** "My account": password change under the policy, two-step sign-in switch, removing a registered device. */
class AccountIT extends IntegrationTest {

    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return LoginProbe.deployment();
    }

    @Test
    void passwordChangeNamesTheBrokenRuleAndTheNewPasswordWorks() throws Exception {
        PageClient me = PageClient.signedIn("it-account", PASSWORD);
        me.get("app/account.xhtml");
        assertTrue(change(me, "not my password", "a perfectly fine passphrase").contains("現在のパスワードが正しくありません"));
        assertTrue(change(me, PASSWORD, "too short").contains("短すぎます。12 文字以上"));
        assertTrue(change(me, PASSWORD, "1qaz2wsx3edc").contains("よく使われていて推測されやすい"));
        assertTrue(change(me, PASSWORD, "my it-account is great").contains("ログインIDが含まれています"));
        PageClient elsewhere = PageClient.signedIn("it-account", PASSWORD);
        String changed = change(me, PASSWORD, "river stones under the winter snow");
        assertTrue(changed.contains("パスワードを変更しました"), changed);
        assertFalse(changed.contains("river stones"), "a password must never be echoed back");
        // other sessions of the user end with the change
        assertTrue(elsewhere.get("app/dashboard.xhtml").uri().getPath().endsWith("/login.xhtml"));

        assertTrue(new PageClient(stack().operatorUrl("")).signIn("it-account", PASSWORD).uri().getPath().endsWith("/login.xhtml"));
        PageClient.signedIn("it-account", "river stones under the winter snow");
    }

    @Test
    void switchingOnTwoStepSignInAsksForACodeNextTime() throws Exception {
        PageClient me = PageClient.signedIn("it-account-2step", PASSWORD);
        me.get("app/account.xhtml");
        assertTrue(me.submit("twoStep", "save", Map.of("enabled_input", "on")).body().contains("2段階認証を有効にしました"));

        Mails mails = Mails.fromNow();
        HttpResponse<String> next = new PageClient(stack().operatorUrl("")).signIn("it-account-2step", PASSWORD);
        assertTrue(next.uri().getPath().endsWith("/login-code.xhtml"), next.uri().toString());
        mails.next("it-account-2step@it-sec.test", "ログイン認証コード");

        // switching it off needs the password (this session still works: it signed in before the change)
        me.get("app/account.xhtml");
        assertTrue(me.submit("twoStep", "save", Map.of("password", "wrong")).body().contains("現在のパスワードを正しく入力"));
        assertTrue(me.submit("twoStep", "save", Map.of("password", PASSWORD)).body().contains("2段階認証を無効にしました"));
        mails.next("it-account-2step@it-sec.test", "2段階認証が無効になりました");
    }

    @Test
    void removingADeviceOnThePageSignsItOutAtOnce() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = Json.createObjectBuilder().add("loginId", "it-account-devices").add("password", PASSWORD)
                .add("deviceId", "account-it-phone-0001").add("deviceName", "業務用スマホ").build().toString();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String access = Json.createReader(new java.io.StringReader(login.body())).readObject().getString("accessToken");

        PageClient me = PageClient.signedIn("it-account-devices", PASSWORD);
        HttpResponse<String> page = me.get("app/account.xhtml");
        assertTrue(page.body().contains("業務用スマホ"), "the device should be listed");
        assertTrue(me.submit("devices", "list:0:revoke", Map.of()).body().contains("端末の登録を解除しました"));

        HttpResponse<String> after = http.send(HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/facilities"))
                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), after.body());
    }

    private static String change(PageClient me, String current, String next) throws Exception {
        return me.submit("password", "submit", Map.of("current", current, "next", next)).body();
    }
}
