package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.interceptor.ExcludeClassInterceptors;
import jakarta.interceptor.ExcludeDefaultInterceptors;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.Mails;
import jp.suijin.it.PageClient;
import jp.suijin.launcher.PayaraDomain;
import jp.suijin.persistence.audit.AuditChain;
import jp.suijin.persistence.audit.ChainVerification;
import jp.suijin.persistence.audit.ChainVerifier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The audit trail on the real server and database: every bean audited, who/where/what/outcome of
 * operations and requests, denied and failed calls, no secret in any record, records the
 * application's own account cannot change, tampering named by the verification, and retention.
 */
class AuditTrailIT extends IntegrationTest {

    private static final String PASSWORD = AuditITFixture.PASSWORD;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void realTime() throws Exception {
        AuditProbe.resetClock();
    }

    @Test
    void everyBeanOfTheEjbModuleIsAuditedByTheDefaultInterceptor() throws Exception {
        JavaArchive ejb = Deployments.application().getAsType(JavaArchive.class, "suijin-ejb.jar");
        String descriptor = new String(ejb.get("META-INF/ejb-jar.xml").getAsset().openStream().readAllBytes(),
                StandardCharsets.UTF_8).replaceAll("\\s+", "");
        assertTrue(descriptor.contains("<interceptor-binding><ejb-name>*</ejb-name><interceptor-class>"
                + "jp.suijin.audit.AuditInterceptor</interceptor-class></interceptor-binding>"), descriptor);

        List<String> beans = new ArrayList<>();
        for (Map.Entry<ArchivePath, Node> e : ejb.getContent().entrySet()) {
            String path = e.getKey().get();
            if (!path.endsWith(".class") || path.contains("$")) {
                continue;
            }
            Class<?> type = Class.forName(path.substring(1, path.length() - 6).replace('/', '.'), false,
                    getClass().getClassLoader());
            if (type.isAnnotationPresent(Stateless.class) || type.isAnnotationPresent(Singleton.class)
                    || type.isAnnotationPresent(Stateful.class)) {
                beans.add(type.getSimpleName());
                assertFalse(type.isAnnotationPresent(ExcludeDefaultInterceptors.class), type + " opts out of auditing");
                for (Method m : type.getDeclaredMethods()) {
                    assertFalse(m.isAnnotationPresent(ExcludeDefaultInterceptors.class)
                            || m.isAnnotationPresent(ExcludeClassInterceptors.class), m + " opts out of auditing");
                }
            }
        }
        assertTrue(beans.size() >= 10, "beans found: " + beans);

        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, PASSWORD);
        admin.get("app/admin/users.xhtml");
        for (String operation : List.of("loginService.checkPassword", "userAdministration.users", "callerLookup.current")) {
            assertFalse(rows("SELECT seq FROM audit_record WHERE operation = ? AND principal IN (?, 'ANONYMOUS')",
                    operation, AuditITFixture.ADMIN).isEmpty(), operation + " was not recorded");
        }
    }

    @Test
    void operationsAndRequestsAreRecordedWithWhoWhereWhatAndOutcome() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, PASSWORD);
        assertEquals(200, admin.get("app/admin/users.xhtml").statusCode());
        admin.submit("create", "submit", Map.of("loginId", "it-audit-bad", "displayName", "不正な宛先",
                "email", "not-an-address", "role_input", "VIEWER", "locale_input", "ja"));

        Map<String, Object> failed = last("SELECT * FROM audit_record WHERE principal = ? AND operation = ?"
                + " AND recorded_at >= ? ORDER BY seq DESC", AuditITFixture.ADMIN, "userAdministration.create", since);
        assertEquals("ERROR", failed.get("outcome"));
        assertEquals("jp.suijin.admin.AdministrationException", failed.get("error_class"));
        assertEquals("DefaultUserAdministration.create", failed.get("bean_method"));
        assertTrue(String.valueOf(failed.get("parameters")).contains("loginId=it-audit-bad"), failed.toString());
        assertEquals(organisationId(), failed.get("organisation_id"));
        assertEquals("127.0.0.1", failed.get("client_ip"));
        assertNotNull(failed.get("user_agent"));
        assertTrue(Pattern.matches("[0-9a-f]{16}", String.valueOf(failed.get("session_hash"))), failed.toString());

        Map<String, Object> listed = last("SELECT * FROM audit_record WHERE principal = ? AND operation = ?"
                + " AND recorded_at >= ? ORDER BY seq DESC", AuditITFixture.ADMIN, "userAdministration.users", since);
        assertEquals("OK", listed.get("outcome"));
        assertNull(listed.get("error_class"));
        Map<String, Object> login = last("SELECT * FROM audit_record WHERE principal = ? AND operation ="
                + " 'authn_login_success' AND recorded_at >= ? ORDER BY seq DESC", AuditITFixture.ADMIN, since);
        assertEquals("password", login.get("parameters"));

        Map<String, Object> page = awaitRow("SELECT * FROM access_record WHERE principal = ? AND path = ?"
                + " AND method = 'GET' AND recorded_at >= ? ORDER BY seq DESC", AuditITFixture.ADMIN,
                "/app/admin/users.xhtml", since);
        assertEquals(200, ((Number) page.get("status")).intValue());
        assertTrue(((Number) page.get("bytes")).longValue() > 1000, page.toString());
        assertEquals("operator", page.get("listener"));
        assertEquals(organisationId(), page.get("organisation_id"));

        String marker = "/app/dashboard.xhtml";
        new PageClient(stack().operatorUrl("")).get("app/dashboard.xhtml?probe=" + UUID.randomUUID());
        Map<String, Object> anonymous = awaitRow("SELECT * FROM access_record WHERE path = ? AND principal IS NULL"
                + " AND recorded_at >= ? ORDER BY seq DESC", marker, since);
        assertEquals(302, ((Number) anonymous.get("status")).intValue(), "sent to the sign-in page by the mechanism");
    }

    @Test
    void deniedCallsAreRecorded() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        PageClient operator = PageClient.signedIn(AuditITFixture.OPERATOR, PASSWORD);
        assertEquals(403, operator.get("app/admin/users.xhtml").statusCode());
        Map<String, Object> refused = last("SELECT * FROM audit_record WHERE principal = ? AND operation = 'authz_fail'"
                + " AND recorded_at >= ? ORDER BY seq DESC", AuditITFixture.OPERATOR, since);
        assertEquals("DENIED", refused.get("outcome"));
        assertTrue(String.valueOf(refused.get("target")).endsWith("/app/admin/users.xhtml"), refused.toString());
        assertEquals(403, ((Number) awaitRow("SELECT status FROM access_record WHERE principal = ? AND path = ?"
                + " AND recorded_at >= ?", AuditITFixture.OPERATOR, "/app/admin/users.xhtml", since).get("status")).intValue());

        HttpResponse<String> device = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer not-the-device-token")
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"IT-AUDIT-NO-SUCH\", \"samples\": []}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, device.statusCode(), device.body());
        // device requests do not wait for their records (see AuditLog); the token is checked before the body
        // is read, so the device the body names is not known, and the token is not kept
        Map<String, Object> ingest = awaitRow("SELECT * FROM audit_record WHERE operation = 'ingestService.authenticate'"
                + " AND outcome = 'DENIED' AND recorded_at >= ? ORDER BY seq DESC", since);
        assertEquals("jp.suijin.telemetry.DeviceAuthenticationException", ingest.get("error_class"));
        assertEquals("token=***", ingest.get("parameters"));
        assertEquals("no device has this token", awaitRow("SELECT parameters FROM audit_record"
                + " WHERE operation = 'authn_device_fail' AND outcome = 'DENIED' AND principal IS NULL AND recorded_at >= ?"
                + " ORDER BY seq DESC", since).get("parameters"));
        Map<String, Object> deviceRequest = awaitRow("SELECT * FROM access_record WHERE listener = 'device'"
                + " AND status = 401 AND recorded_at >= ?", since);
        assertEquals("/api/device/v1/samples", deviceRequest.get("path"));
    }

    @Test
    void noSecretReachesAnyRecord() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, "Wrong but secret 9931"));
        PageClient wrong = new PageClient(stack().operatorUrl(""));
        wrong.signIn(AuditITFixture.MOBILE, "Wrong but secret 9931");

        String deviceId = UUID.randomUUID().toString();
        secrets.add(deviceId);
        JsonObject session = json(mobile("login", Json.createObjectBuilder().add("loginId", AuditITFixture.MOBILE)
                .add("password", PASSWORD).add("deviceId", deviceId).add("deviceName", "監査の電話").build()));
        secrets.add(session.getString("accessToken"));
        secrets.add(session.getString("refreshToken"));
        JsonObject renewed = json(mobile("token", Json.createObjectBuilder()
                .add("refreshToken", session.getString("refreshToken")).add("deviceId", deviceId).build()));
        secrets.add(renewed.getString("accessToken"));
        secrets.add(renewed.getString("refreshToken"));

        Mails mails = Mails.fromNow();
        PageClient twoStep = new PageClient(stack().operatorUrl(""));
        twoStep.signIn("it-audit.otp", PASSWORD);
        String code = Mails.find(mails.next("otp@it-audit.test", "ログイン認証コード"),
                "認証コードは次のとおりです。\\s+(\\d{6})");
        assertTrue(twoStep.submit("code", "submit", Map.of("value", code)).uri().getPath().endsWith("/app/dashboard.xhtml"));
        // six digits appear inside longer numbers (times, ids) by chance: only a code standing alone counts
        assertEquals(List.of(), rows("SELECT seq FROM audit_record WHERE CONCAT_WS('|', principal, user_agent, operation,"
                + " bean_method, target, parameters, error_class) REGEXP ?", "(^|[^0-9])" + code + "([^0-9]|$)"));
        assertEquals(List.of(), rows("SELECT seq FROM access_record WHERE CONCAT_WS('|', path, query) REGEXP ?",
                "(^|[^0-9])" + code + "([^0-9]|$)"));
        assertFalse(rows("SELECT seq FROM audit_record WHERE operation = 'loginService.checkCode' AND parameters LIKE ?",
                "%code=***%").isEmpty(), "the code was given, and recorded only as given");

        String linkToken = "Unlock" + UUID.randomUUID().toString().replace("-", "");
        secrets.add(linkToken);
        Instant since = Instant.now().minusSeconds(1);
        new PageClient(stack().operatorUrl("")).get("unlock.xhtml?token=" + linkToken);
        awaitRow("SELECT * FROM access_record WHERE path = '/unlock.xhtml' AND query = 'token=***' AND recorded_at >= ?",
                since);

        for (String secret : secrets) {
            assertEquals(List.of(), rows("SELECT seq FROM audit_record WHERE CONCAT_WS('|', principal, user_agent,"
                    + " operation, bean_method, target, parameters, error_class) LIKE ?", "%" + secret + "%"),
                    "an operation record holds a secret");
            assertEquals(List.of(), rows("SELECT seq FROM access_record WHERE CONCAT_WS('|', principal, path, query,"
                    + " user_agent) LIKE ?", "%" + secret + "%"), "an access record holds a secret");
        }
        assertTrue(String.valueOf(last("SELECT parameters FROM audit_record WHERE operation = 'loginService.checkPassword'"
                + " AND recorded_at >= ? ORDER BY seq DESC", since.minusSeconds(60)).get("parameters")).contains("password=***"));
    }

    @Test
    void theApplicationsAccountCanReadAndAddButNeverChangeOrRemoveRecords() throws Exception {
        AuditProbe.marker("it-rights");
        try (Connection app = stack().connectAsApplication()) {
            for (String table : List.of("audit_record", "access_record")) {
                try (PreparedStatement q = app.prepareStatement("SELECT COUNT(*) FROM " + table)) {
                    q.executeQuery().close();
                }
                SQLException update = assertThrows(SQLException.class,
                        () -> app.createStatement().executeUpdate("UPDATE " + table + " SET principal = 'x' WHERE seq = 1"));
                assertTrue(update.getMessage().contains("denied"), update.getMessage());
                SQLException delete = assertThrows(SQLException.class,
                        () -> app.createStatement().executeUpdate("DELETE FROM " + table + " WHERE seq = 1"));
                assertTrue(delete.getMessage().contains("denied"), delete.getMessage());
                assertThrows(SQLException.class, () -> app.createStatement().execute("TRUNCATE TABLE " + table));
            }
            assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(
                    "INSERT INTO audit_purge (chain, from_seq, to_seq, cutoff, purged_at) VALUES ('audit', 1, 9, NOW(), NOW())"));
        }
    }

    @Test
    void tamperingIsNamedByTheVerification() throws Exception {
        for (int i = 0; i < 5; i++) {
            AuditProbe.marker("it-tamper-" + i);
        }
        ChainVerifier verifier = new ChainVerifier(stack().auditKey());
        try (Connection db = stack().connect()) {
            assertTrue(verifier.verify(db, AuditChain.AUDIT, null).ok(), verifier.verify(db, AuditChain.AUDIT, null).summary());
            long target = ((Number) last("SELECT seq FROM audit_record WHERE target = 'it-tamper-2'").get("seq")).longValue();

            // changed
            exec(db, "UPDATE audit_record SET principal = 'someone-else' WHERE seq = ?", target);
            ChainVerification changed = verifier.verify(db, AuditChain.AUDIT, null);
            assertFalse(changed.ok());
            assertEquals(target, changed.position());
            assertTrue(changed.problem().contains("record " + target) && changed.problem().contains("changed"),
                    changed.problem());
            assertTrue(AuditProbe.post("verify").contains("BROKEN: record " + target), "the server's verification agrees");
            Map.Entry<Integer, String> command = stack().verifyAuditCommand();
            assertEquals(1, command.getKey(), command.getValue());
            assertTrue(command.getValue().contains("audit_record: BROKEN: record " + target), "and the command line's: "
                    + command.getValue());
            exec(db, "UPDATE audit_record SET principal = NULL WHERE seq = ?", target);
            assertTrue(verifier.verify(db, AuditChain.AUDIT, null).ok(), "restored");
            Map.Entry<Integer, String> verified = stack().verifyAuditCommand();
            assertEquals(0, verified.getKey(), verified.getValue());
            assertTrue(verified.getValue().contains("audit_record: OK"), verified.getValue());

            // deleted
            Map<String, Object> original = last("SELECT * FROM audit_record WHERE seq = ?", target);
            exec(db, "DELETE FROM audit_record WHERE seq = ?", target);
            ChainVerification deleted = verifier.verify(db, AuditChain.AUDIT, null);
            assertFalse(deleted.ok());
            assertEquals(target, deleted.position());
            assertTrue(deleted.problem().contains("record " + target + " is missing") && deleted.problem().contains("deleted"),
                    deleted.problem());
            insert(db, "audit_record", original);
            assertTrue(verifier.verify(db, AuditChain.AUDIT, null).ok(), "restored");

            // inserted: a copy at a taken position, and one after the head
            Map<String, Object> copy = new LinkedHashMap<>(original);
            copy.put("recorded_at", ((Timestamp) original.get("recorded_at")).toLocalDateTime().plusSeconds(1));
            copy.put("operation", "forged");
            insert(db, "audit_record", copy);
            ChainVerification duplicate = verifier.verify(db, AuditChain.AUDIT, null);
            assertFalse(duplicate.ok());
            assertTrue(duplicate.problem().contains("record " + target) && duplicate.problem().contains("inserted"),
                    duplicate.problem());
            exec(db, "DELETE FROM audit_record WHERE seq = ? AND operation = 'forged'", target);
            assertTrue(verifier.verify(db, AuditChain.AUDIT, null).ok(), "restored");

            // the chain head written out of the database names a position the table no longer reaches
            ChainVerifier.ChainHead head = ChainVerifier.head(db, AuditChain.AUDIT);
            ChainVerification rolledBack = verifier.verify(db, AuditChain.AUDIT,
                    new ChainVerifier.ChainHead(head.seq() + 1000, head.mac(), null));
            assertFalse(rolledBack.ok());
            assertTrue(rolledBack.problem().contains("removed"), rolledBack.problem());
        }
    }

    @Test
    void purgeKeepsAYearAndTheChainStaysVerifiable() throws Exception {
        AuditProbe.advanceClock(Duration.ofDays(-366));
        AuditProbe.marker("it-retention-366");
        AuditProbe.advanceClock(Duration.ofDays(2));
        AuditProbe.marker("it-retention-364");
        AuditProbe.resetClock();
        AuditProbe.post("purge");

        assertEquals(List.of(), rows("SELECT seq FROM audit_record WHERE target = 'it-retention-366'"));
        assertEquals(1, rows("SELECT seq FROM audit_record WHERE target = 'it-retention-364'").size());
        ChainVerifier verifier = new ChainVerifier(stack().auditKey());
        try (Connection db = stack().connect()) {
            ChainVerification after = verifier.verify(db, AuditChain.AUDIT, null);
            assertTrue(after.ok(), after.summary());
        }
        assertFalse(rows("SELECT id FROM audit_purge WHERE chain = 'audit'").isEmpty());

        // far enough ahead that whole months are past retention: they go as partitions
        List<Map<String, Object>> before = partitions();
        AuditProbe.advanceClock(Duration.ofDays(365 + 70));
        AuditProbe.marker("it-retention-future");
        assertTrue(Long.parseLong(AuditProbe.post("purge").strip()) > 0);
        List<Map<String, Object>> after = partitions();
        assertTrue(after.stream().noneMatch(p -> p.get("partition_name").equals(before.get(0).get("partition_name"))),
                "the oldest month was dropped: " + before + " -> " + after);
        assertEquals(1, rows("SELECT seq FROM audit_record WHERE target = 'it-retention-future'").size());
        assertTrue(AuditProbe.post("verify").contains("audit_record: OK"));
    }

    /**
     * The domain's administration joins the chain: a {@code set} and a new password alias given through
     * the admin REST API (what the admin console sends) are recorded with the admin user and the command,
     * the alias value masked, and the chain still verifies.
     */
    @Test
    @Disabled("unfinished (issue 13 item 11): Payara's admin audit reports reach the CDI event bus notifier, but no"
            + " report has reached DomainAdministrationAudit yet; enable when the delivery works")
    void domainAdministrationIsRecordedInTheChainWithoutSecrets() throws Exception {
        String marker = "it-admin-" + UUID.randomUUID();
        String secret = "it-alias-" + UUID.randomUUID();
        try {
            assertEquals(200, adminCommand("set", Json.createObjectBuilder()
                    .add("configs.config.server-config.property.suijin-it-audit", marker).build()).statusCode());
            assertEquals(200, adminCommand("create-password-alias", Json.createObjectBuilder()
                    .add("id", "suijin-it-audit-alias").add("aliaspassword", secret).build()).statusCode());

            Map<String, Object> set = awaitAdminRecord("set", marker);
            assertEquals("payara:admin", set.get("principal"));
            assertEquals("OK", set.get("outcome"));
            Map<String, Object> alias = awaitAdminRecord("create-password-alias", "suijin-it-audit-alias");
            assertTrue(String.valueOf(alias.get("parameters")).contains("aliaspassword=***"), String.valueOf(alias));
            assertTrue(rows("SELECT seq FROM audit_record WHERE CONCAT_WS('|', principal, operation, target, parameters)"
                    + " LIKE ?", "%" + secret + "%").isEmpty(), "the alias value is in a record");
            assertFalse(Files.readString(stack().domain().serverLog()).contains(secret), "the alias value is in the server log");

            ChainVerifier verifier = new ChainVerifier(stack().auditKey());
            try (Connection db = stack().connect()) {
                ChainVerification verified = verifier.verify(db, AuditChain.AUDIT, null);
                assertTrue(verified.ok(), verified.summary());
            }
            assertEquals(0, stack().verifyAuditCommand().getKey(), stack().verifyAuditCommand().getValue());
        } finally {
            stack().domain().admin("delete-password-alias", "suijin-it-audit-alias");
        }
    }

    /** Runs an admin command through the admin REST API as the domain's admin user. */
    private HttpResponse<String> adminCommand(String command, JsonObject parameters) throws Exception {
        String credentials = PayaraDomain.ADMIN_USER + ":" + stack().domain().adminPassword();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack().domain().adminPort()
                + "/management/domain/" + command))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("X-Requested-By", "suijin-it").header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(parameters.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Payara reports a command through its notifier thread: the record may follow the answer by a moment. */
    private static Map<String, Object> awaitAdminRecord(String command, String inParameters) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> found = rows("SELECT * FROM audit_record WHERE operation = 'domain_admin_command'"
                    + " AND target = ? AND parameters LIKE ? ORDER BY seq DESC", command, "%" + inParameters + "%");
            if (!found.isEmpty()) {
                return found.get(0);
            }
            AuditProbe.flush();
        }
        throw new AssertionError("no record of the admin command " + command + " with " + inParameters);
    }

    private static List<Map<String, Object>> partitions() throws SQLException {
        return rows("SELECT partition_name FROM information_schema.partitions WHERE table_schema = DATABASE()"
                + " AND table_name = 'audit_record' ORDER BY partition_ordinal_position");
    }

    private HttpResponse<String> mobile(String path, JsonObject body) throws Exception {
        return http.send(HttpRequest.newBuilder(stack().operatorUrl("api/mobile/v1/" + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static Long organisationId() throws SQLException {
        return ((Number) last("SELECT id FROM organisation WHERE code = ?", AuditITFixture.ORGANISATION).get("id")).longValue();
    }

    /**
     * Access records (and device requests' records) are written in the background. A flush waits for
     * everything queued so far; an access record is queued as its request ends, which may come just
     * after the client has read the answer, hence a few flushes.
     */
    private static Map<String, Object> awaitRow(String sql, Object... params) throws Exception {
        for (int i = 0; i < 10; i++) {
            AuditProbe.flush();
            List<Map<String, Object>> found = rows(sql, params);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no row for " + sql);
    }

    private static Map<String, Object> last(String sql, Object... params) throws SQLException {
        List<Map<String, Object>> found = rows(sql, params);
        assertFalse(found.isEmpty(), "no row for " + sql);
        return found.get(0);
    }

    static List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                q.setObject(i + 1, p instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : p);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(), r.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        }
    }

    private static void exec(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static void insert(Connection db, String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        exec(db, "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")", row.values().toArray());
    }
}
