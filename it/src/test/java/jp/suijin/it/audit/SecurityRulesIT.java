package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each suspicious-activity rule fires once for its pattern, and not for the same actions done the
 * normal way. Every test runs on its own day of a moved clock, so the rules' counting windows and
 * the hourly mail limit start empty.
 */
class SecurityRulesIT extends IntegrationTest {

    private static final String PASSWORD = AuditITFixture.PASSWORD;
    private static int day = 40;
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        AuditProbe.resetClock();
    }

    /** Moves the clock to a day no other test uses; returns the moved "now". */
    private static Instant ownDay() throws Exception {
        day += 3;
        AuditProbe.advanceClock(Duration.ofDays(day));
        return Instant.now().plus(Duration.ofDays(day)).minusSeconds(5);
    }

    @Test
    void aLockedAccountIsReportedAndMailedToTheAdministrators() throws Exception {
        Instant since = ownDay();
        Mails mails = Mails.fromNow();
        PageClient attacker = new PageClient(stack().operatorUrl(""));
        for (int i = 0; i < 5; i++) {
            attacker.signIn("it-audit.u1", "wrong password " + i);
        }
        attacker.signIn("it-audit.u1", "wrong password again");
        new PageClient(stack().operatorUrl("")).signIn("it-audit.u2", "one typo");
        PageClient.signedIn("it-audit.u2", PASSWORD);

        awaitEvents("ACCOUNT_LOCKED", "it-audit.u1", since, 1);
        assertEquals(0, events("ACCOUNT_LOCKED", "it-audit.u2", since));
        MimeMessage mail = mails.next(AuditITFixture.ADMIN_EMAIL, "不審な操作・アクセスを検知しました: アカウントのロック");
        assertTrue(Mails.text(mail).contains("it-audit.u1"), Mails.text(mail));
    }

    @Test
    void aSignInAfterSeveralFailuresIsReported() throws Exception {
        Instant since = ownDay();
        PageClient client = new PageClient(stack().operatorUrl(""));
        for (int i = 0; i < 3; i++) {
            client.signIn("it-audit.u3", "guess " + i);
        }
        PageClient.signedIn("it-audit.u3", PASSWORD);
        new PageClient(stack().operatorUrl("")).signIn("it-audit.u4", "one typo");
        PageClient.signedIn("it-audit.u4", PASSWORD);

        awaitEvents("SUCCESS_AFTER_FAILURES", "it-audit.u3", since, 1);
        assertEquals(0, events("SUCCESS_AFTER_FAILURES", "it-audit.u4", since));
    }

    @Test
    void failedSignInsForManyAccountsFromOneAddressAreReportedToTheServiceOperator() throws Exception {
        Instant since = ownDay();
        PageClient client = new PageClient(stack().operatorUrl(""));
        for (int i = 0; i < 9; i++) {
            client.signIn("it-stuffing-" + i, "password123");
        }
        settle();
        assertEquals(0, events("CREDENTIAL_STUFFING", "address 127.0.0.1", since), "nine accounts stay under the threshold");
        client.signIn("it-stuffing-9", "password123");
        client.signIn("it-stuffing-10", "password123");

        awaitEvents("CREDENTIAL_STUFFING", "address 127.0.0.1", since, 1);
        assertEquals(1, AuditTrailIT.rows("SELECT id FROM security_event WHERE rule = 'CREDENTIAL_STUFFING'"
                + " AND organisation_id IS NULL AND first_at >= ?", since).size(), "one event, for no organisation");
    }

    @Test
    void aSignInFromANetworkNeverSeenForTheUserIsReported() throws Exception {
        Instant since = ownDay();
        long u5 = userId("it-audit.u5");
        try (Connection db = stack().connect(); PreparedStatement known = db.prepareStatement(
                "INSERT IGNORE INTO user_known_network (user_id, network, first_seen_at, last_seen_at) VALUES (?, '10.1.2.0/24', ?, ?)")) {
            known.setLong(1, u5);
            known.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            known.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
            known.executeUpdate();
        }
        PageClient.signedIn("it-audit.u5", PASSWORD);
        PageClient.signedIn("it-audit.u5", PASSWORD);
        // a user's very first sign-in only teaches the network
        PageClient.signedIn("it-audit.u6", PASSWORD);
        PageClient.signedIn("it-audit.u6", PASSWORD);

        awaitEvents("NEW_NETWORK", "it-audit.u5", since, 1);
        assertEquals(0, events("NEW_NETWORK", "it-audit.u6", since));
    }

    @Test
    void aRoleChangeAndTwoStepSignInSwitchedOffAreReported() throws Exception {
        Instant since = ownDay();
        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, PASSWORD);
        admin.get("app/admin/user.xhtml?id=" + userId("it-audit.u7"));
        assertTrue(admin.submit("role", "save", Map.of("value_input", "OPERATOR")).statusCode() < 400);
        admin.get("app/admin/user.xhtml?id=" + userId("it-audit.u7"));
        admin.submit("role", "save", Map.of("value_input", "OPERATOR"));

        PageClient me = PageClient.signedIn("it-audit.u8", PASSWORD);
        me.get("app/account.xhtml");
        assertTrue(me.submit("twoStep", "save", Map.of("enabled_input", "on")).body().contains("2段階認証を有効にしました"));
        settle();
        assertEquals(0, events("TWO_STEP_DISABLED", "it-audit.u8", since), "switching on is not suspicious");
        me.get("app/account.xhtml");
        assertTrue(me.submit("twoStep", "save", Map.of("password", PASSWORD)).body().contains("2段階認証を無効にしました"));

        awaitEvents("PRIVILEGE_CHANGE", "it-audit.u7", since, 1);
        awaitEvents("TWO_STEP_DISABLED", "it-audit.u8", since, 1);
        assertEquals(1, AuditTrailIT.rows("SELECT occurrences FROM security_event WHERE rule = 'PRIVILEGE_CHANGE'"
                + " AND subject = 'it-audit.u7' AND first_at >= ? AND occurrences = 1", since).size(),
                "saving the same role again is no change");
    }

    @Test
    void manyExportsByOneUserAreReportedAndMailsAreLimitedPerHour() throws Exception {
        Instant since = ownDay();
        Mails mails = Mails.fromNow();
        for (int i = 0; i < 9; i++) {
            AuditProbe.post("event?name=data_export&principal=it-audit.u9&target=audit_record");
        }
        settle();
        assertEquals(0, events("MASS_EXPORT", "it-audit.u9", since), "nine exports stay under the threshold");
        AuditProbe.post("event?name=data_export&principal=it-audit.u9&target=audit_record");
        awaitEvents("MASS_EXPORT", "it-audit.u9", since, 1);

        // twelve more users exporting in bulk within the hour: the administrators get five mails of the rule, not more
        setRule("MASS_EXPORT", 2, 60);
        AuditProbe.advanceClock(Duration.ofMinutes(1));
        for (int u = 1; u <= 12; u++) {
            AuditProbe.post("event?name=data_export&principal=it-audit.u" + u + "&target=access_record");
            AuditProbe.post("event?name=data_export&principal=it-audit.u" + u + "&target=access_record");
        }
        for (int u = 1; u <= 12; u++) {
            awaitEvents("MASS_EXPORT", "it-audit.u" + u, since, 1);
        }
        List<Map<String, Object>> notMailed = AuditTrailIT.rows("SELECT subject FROM security_event WHERE"
                + " organisation_id = (SELECT id FROM organisation WHERE code = ?) AND first_at >= ? AND mailed = FALSE",
                AuditITFixture.ORGANISATION, since);
        // u9's second burst adds to its open event: 12 events, 5 of them mailed (u9's first and four more)
        assertEquals(7, notMailed.size(), "12 events, 5 mailed: " + notMailed);
        for (int i = 0; i < 5; i++) {
            mails.next(AuditITFixture.ADMIN_EMAIL, "不審な操作・アクセスを検知しました: 大量のエクスポート");
        }

        // an hour later the rule mails again, and says what it held back
        AuditProbe.advanceClock(Duration.ofMinutes(61));
        AuditProbe.post("event?name=data_export&principal=it-audit.u1&target=access_record");
        AuditProbe.post("event?name=data_export&principal=it-audit.u1&target=access_record");
        MimeMessage next = mails.next(AuditITFixture.ADMIN_EMAIL, "不審な操作・アクセスを検知しました: 大量のエクスポート");
        assertTrue(Mails.text(next).contains("前回の通知以降に送信を控えた通知: 7 件"), Mails.text(next));
        setRule("MASS_EXPORT", null, null);
    }

    @Test
    void aSignInAtAnHourTheUserNeverSignsInIsReported() throws Exception {
        Instant since = ownDay();
        setRule("UNUSUAL_HOURS", 5, 43200);
        AuditProbe.advanceClock(Duration.ofMinutes(1));
        for (int i = 0; i < 6; i++) {
            PageClient.signedIn("it-audit.u10", PASSWORD);
        }
        settle();
        assertEquals(0, events("UNUSUAL_HOURS", "it-audit.u10", since), "the usual hour");
        AuditProbe.advanceClock(Duration.ofHours(12));
        PageClient.signedIn("it-audit.u10", PASSWORD);

        try {
            awaitEvents("UNUSUAL_HOURS", "it-audit.u10", since, 1);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; sign-ins: " + AuditTrailIT.rows("SELECT recorded_at,"
                    + " organisation_id FROM audit_record WHERE principal = 'it-audit.u10' AND operation = 'authn_login_success'")
                    + "; settings: " + AuditTrailIT.rows("SELECT * FROM security_rule_setting"), e);
        }
        setRule("UNUSUAL_HOURS", null, null);
    }

    @Test
    void refusedDeviceSignInsAndRepeatedAuthorizationFailuresAreReported() throws Exception {
        Instant since = ownDay();
        for (int i = 0; i < 3; i++) {
            postSamples("IT-RULES-DEV");
        }
        for (int i = 0; i < 2; i++) {
            postSamples("IT-RULES-DEV-2");
        }
        PageClient viewer = PageClient.signedIn("it-audit.u11", PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertEquals(403, viewer.get("app/admin/users.xhtml").statusCode());
        }
        PageClient other = PageClient.signedIn("it-audit.u12", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertEquals(403, other.get("app/admin/users.xhtml").statusCode());
        }

        awaitEvents("DEVICE_REFUSED", "device:IT-RULES-DEV", since, 1);
        awaitEvents("ACCESS_DENIED", "it-audit.u11", since, 1);
        assertEquals(0, events("DEVICE_REFUSED", "device:IT-RULES-DEV-2", since));
        assertEquals(0, events("ACCESS_DENIED", "it-audit.u12", since));
    }

    /**
     * Ten spellings of one known device code, three wrong tokens each, are one subject (a wrong token
     * names no device, so they count by the address they come from): they use one event of the device
     * rule, and a real alert of another rule in the same hour is still mailed.
     */
    @Test
    void spellingsOfADeviceCodeDoNotSilenceTheAlertsOfAnotherRule() throws Exception {
        Instant since = ownDay();
        Mails mails = Mails.fromNow();
        String code = AuditITFixture.DEVICE;
        List<String> spellings = List.of(code, code.toLowerCase(Locale.ROOT), "It-Audit-Tm1", "iT-aUDIT-tM1",
                code + " ", "it-audit-tm1  ", "ＩＴ－ＡＵＤＩＴ－ＴＭ１", "ｉｔ－ａｕｄｉｔ－ｔｍ１", "IT-audit-TM1",
                "Ｉｔ-Ａｕｄｉｔ-Ｔｍ1");
        for (String spelling : spellings) {
            for (int token = 0; token < 3; token++) {
                postWithToken(spelling, "wrong-token-" + token);
            }
        }
        settle();
        assertEquals(1, AuditTrailIT.rows("SELECT id FROM security_event WHERE rule = 'DEVICE_REFUSED' AND first_at >= ?",
                since).size(), "one device, one event: " + AuditTrailIT.rows("SELECT organisation_id, subject FROM"
                        + " security_event WHERE rule = 'DEVICE_REFUSED' AND first_at >= ?", since));

        // a sign-in from a network the user never used, in the same hour
        try (Connection db = stack().connect(); PreparedStatement known = db.prepareStatement(
                "INSERT IGNORE INTO user_known_network (user_id, network, first_seen_at, last_seen_at) VALUES (?, '10.9.8.0/24', ?, ?)")) {
            known.setLong(1, userId("it-audit.u9"));
            known.setObject(2, LocalDateTime.now(ZoneOffset.UTC));
            known.setObject(3, LocalDateTime.now(ZoneOffset.UTC));
            known.executeUpdate();
        }
        PageClient.signedIn("it-audit.u9", PASSWORD);
        awaitEvents("NEW_NETWORK", "it-audit.u9", since, 1);
        MimeMessage alert = mails.next(AuditITFixture.ADMIN_EMAIL, "不審な操作・アクセスを検知しました: 初めてのネットワークからのログイン");
        assertTrue(Mails.text(alert).contains("it-audit.u9"), Mails.text(alert));
    }

    private void postWithToken(String device, String token) throws Exception {
        String body = Json.createObjectBuilder().add("device", device)
                .add("samples", Json.createArrayBuilder()).build().toString();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
    }

    /**
     * A sign-in of a disabled device (one the demo organisation took out of service) with its own token: the
     * token alone names the device (a wrong token names none), so its refusals are grouped by that device.
     */
    private void postSamples(String device) throws Exception {
        try (Connection db = stack().connect(); PreparedStatement disabled = db.prepareStatement("INSERT IGNORE INTO"
                + " field_device (facility_id, organisation_id, code, name, token_hash, enabled, created_at)"
                + " SELECT facility_id, organisation_id, ?, '停止中', UNHEX(SHA2(?, 256)), FALSE, NOW(3)"
                + " FROM field_device WHERE code = 'JS01-TM1'")) {
            disabled.setString(1, device);
            disabled.setString(2, "token-of-" + device);
            disabled.executeUpdate();
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer token-of-" + device)
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + device + "\", \"samples\": []}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
    }

    private static void setRule(String rule, Integer threshold, Integer window) throws SQLException {
        try (Connection db = stack().connect()) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM security_rule_setting WHERE rule = ?"
                    + " AND organisation_id = (SELECT id FROM organisation WHERE code = ?)")) {
                delete.setString(1, rule);
                delete.setString(2, AuditITFixture.ORGANISATION);
                delete.executeUpdate();
            }
            if (threshold != null) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO security_rule_setting (organisation_id,"
                        + " rule, enabled, threshold, window_minutes) SELECT id, ?, TRUE, ?, ? FROM organisation WHERE code = ?")) {
                    insert.setString(1, rule);
                    insert.setInt(2, threshold);
                    insert.setInt(3, window);
                    insert.setString(4, AuditITFixture.ORGANISATION);
                    insert.executeUpdate();
                }
            }
        }
    }

    private static long userId(String login) throws SQLException {
        return ((Number) AuditTrailIT.rows("SELECT id FROM app_user WHERE login_id = ?", login).get(0).get("id")).longValue();
    }

    private static int events(String rule, String subject, Instant since) throws SQLException {
        return AuditTrailIT.rows("SELECT id FROM security_event WHERE rule = ? AND subject = ? AND first_at >= ?",
                rule, subject, since).size();
    }

    /** The monitor works in the background: once it has examined every record so far, the count is final. */
    private static void awaitEvents(String rule, String subject, Instant since, int expected) throws Exception {
        settle();
        assertEquals(expected, events(rule, subject, since), rule + " for " + subject);
    }

    /** Lets the background writer and monitor catch up before asserting what did or did not happen. */
    private static void settle() throws Exception {
        AuditProbe.flush();
    }
}
