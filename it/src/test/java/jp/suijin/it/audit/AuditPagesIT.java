package jp.suijin.it.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The administrator's audit pages: their own organisation only, an audited CSV export, events acknowledged, rules tuned within bounds. */
class AuditPagesIT extends IntegrationTest {

    private static final String PASSWORD = AuditITFixture.PASSWORD;
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @Test
    void anAdministratorSeesAndExportsOnlyTheirOrganisationsRecordsAndTheExportIsAudited() throws Exception {
        PageClient.signedIn("demo.admin", stack().demo().password());
        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, PASSWORD);

        HttpResponse<String> page = admin.get("app/admin/audit.xhtml");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("authn_login_success"), "own sign-in listed");
        assertFalse(page.body().contains("demo.admin"), "another organisation's records are not shown");

        HttpResponse<String> csv = admin.submit("filter", "export", range(Map.of()));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.body().startsWith("\uFEFF"), "UTF-8 with BOM for Excel");
        assertTrue(csv.body().contains(AuditITFixture.ADMIN) && csv.body().contains("authn_login_success"));
        assertFalse(csv.body().contains("demo.admin"));
        List<Map<String, Object>> exported = AuditTrailIT.rows("SELECT parameters FROM audit_record WHERE principal = ?"
                + " AND operation = 'data_export' AND target = 'audit_record'", AuditITFixture.ADMIN);
        assertFalse(exported.isEmpty(), "the export is itself recorded");

        admin.get("app/admin/access.xhtml");
        HttpResponse<String> accesses = admin.submit("filter", "export", range(Map.of()));
        assertTrue(accesses.body().contains("/app/admin/audit.xhtml"), "the audit page request is in the access log");
    }

    @Test
    void securityEventsAreAcknowledgedAndRulesTunedWithinBounds() throws Exception {
        PageClient attacker = new PageClient(stack().operatorUrl(""));
        for (int i = 0; i < 5; i++) {
            attacker.signIn("it-audit.lockme", "not it " + i);
        }
        AuditProbe.flush();
        List<Map<String, Object>> found = AuditTrailIT.rows("SELECT id FROM security_event WHERE rule = 'ACCOUNT_LOCKED'"
                + " AND subject = 'it-audit.lockme'");
        assertEquals(1, found.size(), "the lock was reported");
        long id = ((Number) found.get(0).get("id")).longValue();

        PageClient admin = PageClient.signedIn(AuditITFixture.ADMIN, PASSWORD);
        HttpResponse<String> events = admin.get("app/admin/security-events.xhtml");
        assertTrue(events.body().contains("it-audit.lockme") && events.body().contains("アカウントのロック"), events.body());
        admin.submit("events", "acknowledgeSelected", Map.of("list_selection", String.valueOf(id)));
        assertEquals(AuditITFixture.ADMIN, AuditTrailIT.rows("SELECT acknowledged_by FROM security_event WHERE id = ?", id)
                .get(0).get("acknowledged_by"));

        admin.get("app/admin/security-events.xhtml");
        HttpResponse<String> refused = admin.submit("rules", "save", rules(5000));
        assertTrue(refused.body().contains("権限のない操作の繰り返し: しきい値は2～1,000の範囲で入力してください。"),
                "names the rule and the bounds: " + refused.body());
        assertEquals(List.of(), AuditTrailIT.rows("SELECT rule FROM security_rule_setting WHERE rule = 'ACCESS_DENIED'"
                + " AND organisation_id = (SELECT id FROM organisation WHERE code = ?)", AuditITFixture.ORGANISATION));
        admin.get("app/admin/security-events.xhtml");
        assertTrue(admin.submit("rules", "save", rules(7)).body().contains("検知ルールを保存しました。"));
        assertEquals(7, ((Number) AuditTrailIT.rows("SELECT threshold FROM security_rule_setting WHERE rule = 'ACCESS_DENIED'"
                + " AND organisation_id = (SELECT id FROM organisation WHERE code = ?)", AuditITFixture.ORGANISATION)
                .get(0).get("threshold")).intValue());
    }

    /**
     * Every rule's fields as the form holds them (p:inputNumber submits its value in the hidden
     * "_hinput"), ACCESS_DENIED's threshold set to the given value.
     */
    private static Map<String, String> rules(int accessDeniedThreshold) {
        Map<String, String> fields = new HashMap<>();
        String[][] tunable = {{"1", "10", "10"}, {"2", "3", null}, {"6", "10", "60"}, {"7", "20", null}, {"8", "3", "10"},
            {"9", String.valueOf(accessDeniedThreshold), "10"}};
        for (int row = 0; row < 10; row++) {
            fields.put("list:" + row + ":enabled_input", "on");
        }
        for (String[] t : tunable) {
            fields.put("list:" + t[0] + ":threshold_hinput", t[1]);
            if (t[2] != null) {
                fields.put("list:" + t[0] + ":window_hinput", t[2]);
            }
        }
        return fields;
    }

    private static Map<String, String> range(Map<String, String> more) {
        Map<String, String> fields = new HashMap<>(more);
        Instant now = Instant.now();
        fields.put("from_input", FIELD.format(now.minus(Duration.ofHours(2))));
        fields.put("to_input", FIELD.format(now.plus(Duration.ofHours(1))));
        return fields;
    }
}
