package jp.suijin.it.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import jp.suijin.it.ServerLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mobile API: device slots, tokens bound to the device, revocation, the shared lockout counter. */
class MobileDeviceIT extends IntegrationTest {

    private static final String PASSWORD = LoginSecurityITFixture.PASSWORD;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    static void noTokenReachedTheServerLog() throws Exception {
        ServerLog.assertNeverContains(SECRETS.toArray(String[]::new));
    }

    @Test
    void twoSlotsThenTheRightPasswordIsRefusedUntilADeviceIsRevoked() throws Exception {
        Mails mails = Mails.fromNow();
        JsonObject phone = json(login("it-mobile", PASSWORD, "phone"), 200);
        JsonObject tablet = json(login("it-mobile", PASSWORD, "tablet"), 200);
        assertEquals(200, get("facilities", phone.getString("accessToken")).statusCode());
        // a registered device signs in again as usual
        json(login("it-mobile", PASSWORD, "phone"), 200);

        // the right password from a third device is answered like a wrong one; the user learns why by mail
        assertEquals("invalid_credentials", json(login("it-mobile", PASSWORD, "third"), 401).getString("error"));
        mails.next("it-mobile@it-sec.test", "新しい端末からのログインを拒否しました");
        mails.next(LoginSecurityITFixture.ADMIN_EMAIL, "未登録端末からのログインを拒否しました");

        JsonArray registered = Json.createReader(new StringReader(get("devices", phone.getString("accessToken")).body()))
                .readArray();
        assertEquals(2, registered.size());
        HttpResponse<String> revoke = http.send(request("devices/" + tablet.getJsonNumber("deviceRegistrationId"))
                .header("Authorization", "Bearer " + phone.getString("accessToken")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, revoke.statusCode(), revoke.body());

        assertEquals("invalid_token", json(get("facilities", tablet.getString("accessToken")), 401).getString("error"));
        assertEquals("invalid_refresh_token", json(refresh(tablet.getString("refreshToken"), "it-mobile", "tablet"), 401)
                .getString("error"));
        json(login("it-mobile", PASSWORD, "third"), 200);
    }

    /**
     * With every slot taken, the right password is no different from a wrong one (no oracle for
     * whoever tries passwords), counts toward the lockout, and is mailed at most once an hour to the
     * user and the administrators, with how many were refused since the last mail.
     */
    @Test
    void refusalsForWantOfASlotTellNothingCountTowardTheLockoutAndAreMailedOnceAnHour() throws Exception {
        Mails mails = Mails.fromNow();
        json(login("it-mobile-full", PASSWORD, "phone"), 200);
        json(login("it-mobile-full", PASSWORD, "tablet"), 200);

        HttpResponse<String> wrong = login("it-mobile-full", "a wrong password", "third");
        HttpResponse<String> right = login("it-mobile-full", PASSWORD, "third");
        assertEquals(401, right.statusCode(), right.body());
        assertEquals(wrong.statusCode(), right.statusCode());
        assertEquals(wrong.body(), right.body(), "the right password must not answer differently");
        assertEquals(wrong.headers().firstValue("WWW-Authenticate"), right.headers().firstValue("WWW-Authenticate"));
        MimeMessage first = mails.next("it-mobile-full@it-sec.test", "新しい端末からのログインを拒否しました");
        assertTrue(Mails.text(first).contains("前回のお知らせ以降 1 回拒否しました"), Mails.text(first));
        mails.next(LoginSecurityITFixture.ADMIN_EMAIL, "未登録端末からのログインを拒否しました");

        // two more within the hour: counted, not mailed
        json(login("it-mobile-full", PASSWORD, "third"), 401);
        json(login("it-mobile-full", PASSWORD, "fourth"), 401);
        LoginProbe.advanceClock(Duration.ofMinutes(61));
        // the fifth failure in a row locks the account; the mail says three since the last one
        json(login("it-mobile-full", PASSWORD, "fifth"), 401);
        MimeMessage second = mails.next("it-mobile-full@it-sec.test", "新しい端末からのログインを拒否しました");
        assertTrue(Mails.text(second).contains("前回のお知らせ以降 3 回拒否しました"), Mails.text(second));
        assertTrue(Mails.text(second).contains("fifth"), Mails.text(second));
        MimeMessage admin = mails.next(LoginSecurityITFixture.ADMIN_EMAIL, "未登録端末からのログインを拒否しました");
        assertTrue(Mails.text(admin).contains("前回のお知らせ以降 3 回拒否しました"), Mails.text(admin));
        mails.next("it-mobile-full@it-sec.test", "ロック");
        assertEquals(2, stack().mail().messages().stream().filter(m -> to(m, "it-mobile-full@it-sec.test")
                && subject(m).contains("新しい端末からのログインを拒否しました")).count(), "one mail an hour");

        // locked: even the right password on a registered device is refused
        assertEquals("invalid_credentials", json(login("it-mobile-full", PASSWORD, "phone"), 401).getString("error"));
    }

    @Test
    void tokensExpireRefreshOnceAndACopiedRefreshTokenEndsTheDevice() throws Exception {
        JsonObject first = json(login("it-mobile-refresh", PASSWORD, "phone"), 200);
        assertEquals(900, first.getInt("expiresIn"));

        LoginProbe.advanceClock(Duration.ofMinutes(16));
        assertEquals(401, get("facilities", first.getString("accessToken")).statusCode());
        // a refresh token works only from its own device
        assertEquals(401, refresh(first.getString("refreshToken"), "it-mobile-refresh", "another phone").statusCode());
        JsonObject second = json(refresh(first.getString("refreshToken"), "it-mobile-refresh", "phone"), 200);
        assertEquals(200, get("facilities", second.getString("accessToken")).statusCode());

        // the first refresh token again: someone copied it, so the device loses everything
        assertEquals(401, refresh(first.getString("refreshToken"), "it-mobile-refresh", "phone").statusCode());
        assertEquals(401, get("facilities", second.getString("accessToken")).statusCode());
        assertEquals(401, refresh(second.getString("refreshToken"), "it-mobile-refresh", "phone").statusCode());
    }

    @Test
    void wrongPasswordsCountTowardTheSameLockoutAsThePcLogin() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals("invalid_credentials", json(login("it-mobile-lock", "wrong " + i, "phone"), 401).getString("error"));
        }
        assertEquals("invalid_credentials", json(login("it-mobile-lock", PASSWORD, "phone"), 401).getString("error"));
        HttpResponse<String> pc = new PageClient(stack().operatorUrl("")).signIn("it-mobile-lock", PASSWORD);
        assertTrue(pc.uri().getPath().endsWith("/login.xhtml"), pc.uri().toString());
    }

    @Test
    void badRequestsAreNamed() throws Exception {
        assertEquals("token_required", json(http.send(request("facilities").GET().build(),
                HttpResponse.BodyHandlers.ofString()), 401).getString("error"));
        HttpResponse<String> notJson = http.send(request("login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("malformed_request", json(notJson, 400).getString("error"));
        HttpResponse<String> shortId = http.send(request("login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"loginId\":\"it-mobile\",\"password\":\"x\","
                        + "\"deviceId\":\"short\",\"deviceName\":\"phone\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(json(shortId, 400).getString("message").contains("\"deviceId\" must be 16 to 200"));
    }

    private HttpResponse<String> login(String login, String password, String device) throws Exception {
        String body = Json.createObjectBuilder().add("loginId", login).add("password", password)
                .add("deviceId", deviceId(login, device)).add("deviceName", device).build().toString();
        return http.send(request("login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(String refreshToken, String login, String device) throws Exception {
        String body = Json.createObjectBuilder().add("refreshToken", refreshToken).add("deviceId", deviceId(login, device))
                .build().toString();
        return http.send(request("token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accessToken) throws Exception {
        return http.send(request(path).header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/" + path));
    }

    /** The app's own stable identifier of one installation. */
    private static String deviceId(String login, String device) {
        return UUID.nameUUIDFromBytes((login + "/" + device).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static boolean to(MimeMessage m, String address) {
        try {
            return m.getAllRecipients()[0].toString().equals(address);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        if (json.containsKey("accessToken")) {
            SECRETS.add(json.getString("accessToken"));
            SECRETS.add(json.getString("refreshToken"));
        }
        return json;
    }
}
