package jp.suijin.it.alarm;

import static jp.suijin.it.alarm.AlarmSettingsITFixture.ADMIN;
import static jp.suijin.it.alarm.AlarmSettingsITFixture.LIMITED;
import static jp.suijin.it.alarm.AlarmSettingsITFixture.OPERATOR;
import static jp.suijin.it.alarm.AlarmSettingsITFixture.OTHER_ADMIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The AlarmSettings service, called over HTTP as signed-in users: limits, fault states and
 * communication loss are stored as the alarm evaluation reads them; every bad input is refused naming
 * its field with nothing written; shelving needs a reason, which the operation log keeps; another
 * organisation's ids get the unknown-id answer; operators are refused.
 */
class AlarmSettingsIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AlarmSettingsProbe.deployment();
    }

    @Test
    void limitsFaultStatesAndCommLossAreStoredAsTheEvaluationReadsThem() throws Exception {
        String level = pointId("ALM-1", "LI");
        ok(ADMIN, "savePointAlarm", "point", level, "hh", "9.5", "hhSeverity", "MAJOR", "h", "8", "hSeverity", "MINOR",
                "l", "2", "lSeverity", "NOTICE", "deadband", "0.2", "onDelay", "30");
        assertEquals("9.5|MAJOR|8|MINOR|2|NOTICE|null|null|0.2|30|null|null|1",
                definition(level), "unset limits stay NULL, without severity");
        ok(ADMIN, "savePointAlarm", "point", pointId("ALM-1", "P1-FLT"), "states", "2,1", "stateSeverity", "MAJOR",
                "onDelay", "5", "h", "1", "hSeverity", "MAJOR");
        assertEquals("null|null|null|null|null|null|null|null|0|5|1;2|MAJOR|1", definition(pointId("ALM-1", "P1-FLT")),
                "a state point keeps only its fault states, in state order");
        ok(ADMIN, "savePointAlarm", "point", pointId("ALM-1", "FQ"), "h", "900", "hSeverity", "NOTICE", "onDelay", "0");
        String device = deviceId("ALM-1");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "10", "severity", "MAJOR");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "15", "severity", "MINOR");
        assertEquals("15|MINOR|1", single("SELECT CONCAT_WS('|', comm_loss_minutes, severity, enabled)"
                + " FROM device_alarm_setting WHERE device_id = ?", device));

        String read = ok(ADMIN, "facility", "facility", facilityId("ALM-1"));
        assertTrue(read.contains("pointCode=LI") && read.contains("status=ACTIVE"), read);

        ok(ADMIN, "pointEnabled", "point", level, "enabled", "false", "reason", "更新工事");
        assertTrue(ok(ADMIN, "facility", "facility", facilityId("ALM-1")).contains("status=DISABLED"));
        ok(ADMIN, "pointEnabled", "point", level, "enabled", "true");
        ok(ADMIN, "removePointAlarm", "point", pointId("ALM-1", "FQ"));
        assertEquals("0", single("SELECT COUNT(*) FROM alarm_definition WHERE point_id = ?", pointId("ALM-1", "FQ")));
        ok(ADMIN, "removeCommLoss", "device", device);
        assertEquals("0", single("SELECT COUNT(*) FROM device_alarm_setting WHERE device_id = ?", device));
        assertEquals("device alarm.error.noCommLoss", AlarmSettingsProbe.call(ADMIN, "shelveDevice", "device", device,
                "until", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "reason", "点検").body());
    }

    @Test
    void eachBadInputIsRefusedByNameAndNothingIsWritten() throws Exception {
        String level = pointId("ALM-2", "LI");
        String counter = pointId("ALM-2", "FQ");
        String state = pointId("ALM-2", "P1-FLT");
        String device = deviceId("ALM-2");
        ok(ADMIN, "savePointAlarm", "point", level, "h", "8", "hSeverity", "MINOR", "onDelay", "0");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "10", "severity", "MAJOR");
        String facility = facilityId("ALM-2");
        String group = ok(ADMIN, "createGroup", "facility", facility, "name", "当直", "major", "true", "delay", "0");
        String now = Instant.now().toString();
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String tooLate = Instant.now().plus(Duration.ofDays(30).plusHours(1)).toString();
        String firstGroup = groupOf("ALM-1");
        String limited = userId(LIMITED);
        String otherAdmin = userId(OTHER_ADMIN);
        String before = snapshot();

        List<String[]> cases = List.of(
                limits("limits alarm.error.noLimit", level, "h", null),
                limits("high alarm.error.number", level, "h", "NaN"),
                limits("highSeverity alarm.error.severity", level, "hSeverity", null),
                limits("highHighSeverity alarm.error.severity", level, "hh", "9"),
                limits("high alarm.error.outsideRange", level, "h", "11.01"),
                limits("lowLow alarm.error.outsideRange", level, "ll", "-1.01", "llSeverity", "MAJOR"),
                limits("high alarm.error.order.high", level, "l", "8", "lSeverity", "MINOR"),
                limits("highHigh alarm.error.order.highHigh", level, "hh", "8", "hhSeverity", "MAJOR"),
                limits("low alarm.error.order.low", level, "h", null, "l", "1", "lSeverity", "MINOR", "ll", "1",
                        "llSeverity", "MAJOR"),
                limits("deadband alarm.error.deadband", level, "deadband", "-0.1"),
                limits("deadband alarm.error.deadbandGap", level, "l", "7", "lSeverity", "MINOR", "deadband", "1"),
                limits("deadband alarm.error.deadbandRange", level, "deadband", "10"),
                limits("onDelay alarm.error.onDelay", level, "onDelay", "-1"),
                limits("onDelay alarm.error.onDelay", level, "onDelay", "86401"),
                limits("onDelay alarm.error.onDelay", level, "onDelay", null),
                limits("high alarm.error.counterLimit", counter, "h", "1000"),
                limits("low alarm.error.counterNegative", counter, "h", null, "l", "-1", "lSeverity", "MINOR"),
                call("faultStates alarm.error.noFaultState", "savePointAlarm", "point", state, "stateSeverity", "MAJOR",
                        "onDelay", "0"),
                call("faultStates alarm.error.faultState", "savePointAlarm", "point", state, "states", "3",
                        "stateSeverity", "MAJOR", "onDelay", "0"),
                call("faultStates alarm.error.allStatesFault", "savePointAlarm", "point", state, "states", "0,1,2",
                        "stateSeverity", "MAJOR", "onDelay", "0"),
                call("stateSeverity alarm.error.severity", "savePointAlarm", "point", state, "states", "1",
                        "onDelay", "0"),
                call("point alarm.error.noDefinition", "shelvePoint", "point", state, "until", tomorrow, "reason", "点検"),
                call("shelveReason alarm.error.shelveReason", "shelvePoint", "point", level, "until", tomorrow),
                call("shelveReason alarm.error.shelveReason", "shelvePoint", "point", level, "until", tomorrow,
                        "reason", "  "),
                call("shelveReason alarm.error.shelveReason", "shelvePoint", "point", level, "until", tomorrow,
                        "reason", "長".repeat(501)),
                call("shelvedUntil alarm.error.shelvedUntil", "shelvePoint", "point", level, "until", now, "reason", "点検"),
                call("shelvedUntil alarm.error.shelvedUntil", "shelvePoint", "point", level, "until", tooLate,
                        "reason", "点検"),
                call("shelvedUntil alarm.error.shelvedUntil", "shelvePoint", "point", level, "reason", "点検"),
                call("shelveReason alarm.error.shelveReason", "shelveDevice", "device", device, "until", tomorrow),
                call("commLossMinutes alarm.error.commLossMinutes", "saveCommLoss", "device", device, "minutes", "0",
                        "severity", "MAJOR"),
                call("commLossMinutes alarm.error.commLossMinutes", "saveCommLoss", "device", device, "minutes", "10081",
                        "severity", "MAJOR"),
                call("commLossSeverity alarm.error.severity", "saveCommLoss", "device", device, "minutes", "10"),
                call("groupName alarm.error.groupName", "createGroup", "facility", facility, "name", " ", "major", "true",
                        "delay", "0"),
                call("groupName alarm.error.groupName", "createGroup", "facility", facility, "name", "名".repeat(101),
                        "major", "true", "delay", "0"),
                call("groupName alarm.error.groupNameTaken", "createGroup", "facility", facility, "name", "当直",
                        "major", "true", "delay", "0"),
                call("severities alarm.error.groupSeverities", "createGroup", "facility", facility, "name", "新",
                        "recovery", "true", "delay", "0"),
                call("delayMinutes alarm.error.delayMinutes", "createGroup", "facility", facility, "name", "新",
                        "major", "true", "delay", "1441"),
                call("delayMinutes alarm.error.delayMinutes", "editGroup", "group", group, "name", "当直",
                        "major", "true", "delay", "-1"),
                call("email alarm.error.email", "addAddress", "group", group, "email", "not-an-address", "locale", "ja"),
                call("locale alarm.error.locale", "addAddress", "group", group, "email", "duty@example.jp", "locale", "fr"),
                // a user who may see only ALM-2 cannot be mailed about ALM-1
                call("user alarm.error.userFacility", "addUser", "group", firstGroup, "user", limited),
                call("user alarm.error.userNotFound", "addUser", "group", group, "user", otherAdmin));

        Properties english = bundle("messages.properties");
        Properties japanese = bundle("messages_ja.properties");
        for (String[] c : cases) {
            HttpResponse<String> answer = AlarmSettingsProbe.call(ADMIN, c[1], Arrays.copyOfRange(c, 2, c.length));
            assertEquals(422, answer.statusCode(), String.join(" ", c) + ": " + answer.body());
            assertEquals(c[0], answer.body(), String.join(" ", c));
            String key = c[0].split(" ")[1];
            assertTrue(english.containsKey(key) && japanese.containsKey(key), "no message for " + key);
        }
        assertEquals(before, snapshot(), "a refused call wrote something");

        String member = ok(ADMIN, "addAddress", "group", group, "email", "duty@example.jp", "locale", "en");
        assertEquals("email alarm.error.memberTaken", AlarmSettingsProbe.call(ADMIN, "addAddress", "group", group,
                "email", "DUTY@example.jp", "locale", "ja").body());
        ok(ADMIN, "addUser", "group", group, "user", userId(LIMITED));
        String read = ok(ADMIN, "recipients", "facility", facility);
        assertTrue(read.contains("email=duty@example.jp, locale=en") && read.contains("loginId=" + LIMITED), read);
        ok(ADMIN, "removeMember", "member", member);
        ok(ADMIN, "deleteGroup", "group", group);
        assertEquals("0", single("SELECT COUNT(*) FROM recipient_group_member WHERE group_id = ?", group),
                "the group's members go with it");
    }

    @Test
    void shelvingNeedsAReasonWhichTheOperationLogKeeps() throws Exception {
        String level = pointId("ALM-1", "LI");
        ok(ADMIN, "savePointAlarm", "point", level, "l", "1", "lSeverity", "MINOR", "onDelay", "0");
        Instant until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        String reason = "配水池清掃のため水位を下げる（作業番号 4711）";
        ok(ADMIN, "shelvePoint", "point", level, "until", until.toString(), "reason", reason);
        assertEquals(reason, single("SELECT shelve_reason FROM alarm_definition WHERE point_id = ?", level));
        assertEquals("1", single("SELECT COUNT(*) FROM alarm_definition WHERE point_id = ? AND shelved_until = ?", level,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(until)),
                "shelved until the time given, in UTC");
        assertTrue(ok(ADMIN, "facility", "facility", facilityId("ALM-1")).contains("status=SHELVED"));

        String device = deviceId("ALM-1");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "10", "severity", "MAJOR");
        ok(ADMIN, "shelveDevice", "device", device, "until", until.toString(), "reason", "回線工事");
        ok(ADMIN, "unshelveDevice", "device", device);
        ok(ADMIN, "unshelvePoint", "point", level);
        assertEquals("0|0", single("SELECT CONCAT_WS('|', COUNT(shelved_until), COUNT(shelve_reason))"
                + " FROM alarm_definition WHERE point_id = ?", level));
        AuditProbe.flush();

        try (Connection c = stack().connect()) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'alarmSettings.shelvePointAlarm'"
                    + " AND principal = ? AND target = ? AND parameters LIKE ? AND outcome = 'OK'", ADMIN,
                    "pointId=" + level, "%reason=" + reason + "%"), "the shelving is recorded with its reason");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'alarmSettings.shelveCommLoss'"
                    + " AND principal = ? AND target = ? AND parameters LIKE ?", ADMIN, "deviceId=" + device, "%reason=回線工事%"));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'alarmSettings.unshelvePointAlarm'"
                    + " AND principal = ? AND target = ? AND outcome = 'OK'", ADMIN, "pointId=" + level));
        }
    }

    /** As shelving: no reason, a blank one or one too long is refused by name; the reason stays with the setting. */
    @Test
    void disablingNeedsAReasonWhichTheSettingAndTheOperationLogKeep() throws Exception {
        String level = pointId("ALM-1", "LI");
        String device = deviceId("ALM-1");
        ok(ADMIN, "savePointAlarm", "point", level, "l", "1", "lSeverity", "MINOR", "onDelay", "0");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "10", "severity", "MAJOR");
        ok(ADMIN, "pointEnabled", "point", level, "enabled", "true");
        ok(ADMIN, "commLossEnabled", "device", device, "enabled", "true");
        for (String[] reason : new String[][] {{}, {"reason", "  "}, {"reason", "長".repeat(501)}}) {
            String[] point = concat(new String[] {"point", level, "enabled", "false"}, reason);
            assertEquals("disableReason alarm.error.disableReason", AlarmSettingsProbe.call(ADMIN, "pointEnabled", point)
                    .body());
            String[] commLoss = concat(new String[] {"device", device, "enabled", "false"}, reason);
            assertEquals("disableReason alarm.error.disableReason", AlarmSettingsProbe.call(ADMIN, "commLossEnabled",
                    commLoss).body());
        }
        assertEquals("1|null", single("SELECT CONCAT_WS('|', enabled, IFNULL(disable_reason, 'null'))"
                + " FROM alarm_definition WHERE point_id = ?", level), "a refused call wrote something");

        String reason = "流入計の交換工事のため（作業番号 815）";
        ok(ADMIN, "pointEnabled", "point", level, "enabled", "false", "reason", "  " + reason + " ");
        ok(ADMIN, "commLossEnabled", "device", device, "enabled", "false", "reason", "子局の更新");
        assertEquals("0|" + reason, single("SELECT CONCAT_WS('|', enabled, disable_reason) FROM alarm_definition"
                + " WHERE point_id = ?", level));
        assertEquals("0|子局の更新", single("SELECT CONCAT_WS('|', enabled, disable_reason) FROM device_alarm_setting"
                + " WHERE device_id = ?", device));
        String read = ok(ADMIN, "facility", "facility", facilityId("ALM-1"));
        assertTrue(read.contains("status=DISABLED, shelvedUntil=null, shelveReason=null, disableReason=" + reason), read);
        assertTrue(read.contains("disableReason=子局の更新"), read);

        ok(ADMIN, "pointEnabled", "point", level, "enabled", "true");
        ok(ADMIN, "commLossEnabled", "device", device, "enabled", "true");
        assertEquals("1|null", single("SELECT CONCAT_WS('|', enabled, IFNULL(disable_reason, 'null'))"
                + " FROM alarm_definition WHERE point_id = ?", level), "enabled again, the reason is gone from the setting");
        AuditProbe.flush();
        try (Connection c = stack().connect()) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'alarmSettings.disablePointAlarm'"
                    + " AND principal = ? AND target = ? AND parameters LIKE ? AND outcome = 'OK'", ADMIN,
                    "pointId=" + level, "%reason=%" + reason + "%"), "the disabling is recorded with its reason");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'alarmSettings.disableCommLoss'"
                    + " AND principal = ? AND target = ? AND parameters LIKE ?", ADMIN, "deviceId=" + device,
                    "%reason=子局の更新%"));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void anotherOrganisationsAdministratorGetsTheAnswerForAnUnknownId() throws Exception {
        String facility = facilityId("ALM-1");
        String level = pointId("ALM-1", "LI");
        String device = deviceId("ALM-1");
        ok(ADMIN, "savePointAlarm", "point", level, "h", "8", "hSeverity", "MINOR", "onDelay", "0");
        ok(ADMIN, "saveCommLoss", "device", device, "minutes", "10", "severity", "MAJOR");
        String group = groupOf("ALM-1");
        String member = ok(ADMIN, "addAddress", "group", group, "email", "isolation@example.jp", "locale", "ja");
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        String before = snapshot();
        String unknown = String.valueOf(Long.MAX_VALUE);

        for (String[] attempt : new String[][] {
            {"facility", "facility", facility},
            {"recipients", "facility", facility},
            {"createGroup", "facility", facility, "name", "乗っ取り", "major", "true", "delay", "0"},
            {"savePointAlarm", "point", level, "h", "9", "hSeverity", "MAJOR", "onDelay", "0"},
            {"removePointAlarm", "point", level},
            {"pointEnabled", "point", level, "enabled", "false", "reason", "x"},
            {"shelvePoint", "point", level, "until", tomorrow, "reason", "x"},
            {"unshelvePoint", "point", level},
            {"saveCommLoss", "device", device, "minutes", "1", "severity", "NOTICE"},
            {"removeCommLoss", "device", device},
            {"commLossEnabled", "device", device, "enabled", "false", "reason", "x"},
            {"shelveDevice", "device", device, "until", tomorrow, "reason", "x"},
            {"unshelveDevice", "device", device},
            {"editGroup", "group", group, "name", "乗っ取り", "major", "true", "delay", "0"},
            {"deleteGroup", "group", group},
            {"addAddress", "group", group, "email", "evil@example.com", "locale", "en"},
            {"removeMember", "member", member}}) {
            String[] withUnknownId = attempt.clone();
            withUnknownId[2] = unknown;
            HttpResponse<String> foreign = AlarmSettingsProbe.call(OTHER_ADMIN, attempt[0],
                    Arrays.copyOfRange(attempt, 1, attempt.length));
            HttpResponse<String> missing = AlarmSettingsProbe.call(OTHER_ADMIN, attempt[0],
                    Arrays.copyOfRange(withUnknownId, 1, withUnknownId.length));
            assertEquals(422, foreign.statusCode(), attempt[0] + ": " + foreign.body());
            assertEquals(missing.statusCode() + " " + missing.body(), foreign.statusCode() + " " + foreign.body(),
                    attempt[0]);
        }
        // and the other way round: the other organisation's user cannot be made a member here
        HttpResponse<String> foreignUser = AlarmSettingsProbe.call(ADMIN, "addUser", "group", group, "user",
                userId(OTHER_ADMIN));
        HttpResponse<String> unknownUser = AlarmSettingsProbe.call(ADMIN, "addUser", "group", group, "user", unknown);
        assertEquals(unknownUser.body(), foreignUser.body());
        assertEquals(before, snapshot(), "another organisation changed something");
    }

    @Test
    void operatorsAreRefused() throws Exception {
        String facility = facilityId("ALM-1");
        assertEquals(403, AlarmSettingsProbe.call(OPERATOR, "facility", "facility", facility).statusCode());
        assertEquals(403, AlarmSettingsProbe.call(OPERATOR, "savePointAlarm", "point", pointId("ALM-1", "LI"), "h", "5",
                "hSeverity", "MAJOR", "onDelay", "0").statusCode());
        assertEquals(403, AlarmSettingsProbe.call(OPERATOR, "createGroup", "facility", facility, "name", "x",
                "major", "true", "delay", "0").statusCode());
    }

    /** A group "当直" at the facility, created if missing; answers its id. */
    private static String groupOf(String facility) throws Exception {
        String id = optional("SELECT g.id FROM recipient_group g JOIN facility f ON f.id = g.facility_id"
                + " WHERE f.code = ? AND g.name = '既定'", facility);
        return id != null ? id : ok(ADMIN, "createGroup", "facility", facilityId(facility), "name", "既定", "major", "true",
                "minor", "true", "delay", "0");
    }

    /** Valid limit parameters for a point (H 8 MINOR), with some changed; a null value leaves the parameter out. */
    private static String[] limits(String expected, String point, String... changes) {
        List<String> p = new ArrayList<>(List.of("point", point, "h", "8", "hSeverity", "MINOR", "onDelay", "0"));
        for (int i = 0; i < changes.length; i += 2) {
            int at = p.indexOf(changes[i]);
            if (at >= 0 && at % 2 == 0) {
                p.remove(at);
                p.remove(at);
            }
            if (changes[i + 1] != null) {
                p.add(changes[i]);
                p.add(changes[i + 1]);
            }
        }
        p.add(0, "savePointAlarm");
        p.add(0, expected);
        return p.toArray(String[]::new);
    }

    private static String[] call(String expected, String method, String... parameters) {
        String[] c = new String[parameters.length + 2];
        c[0] = expected;
        c[1] = method;
        System.arraycopy(parameters, 0, c, 2, parameters.length);
        return c;
    }

    private static String ok(String login, String method, String... parameters) throws Exception {
        HttpResponse<String> r = AlarmSettingsProbe.call(login, method, parameters);
        assertEquals(200, r.statusCode(), method + ": " + r.body());
        return r.body();
    }

    /** hh|hhSeverity|h|...|deadband|onDelay|faultStates|stateSeverity|enabled of a point's definition, as stored. */
    private static String definition(String point) throws Exception {
        return single("SELECT CONCAT_WS('|', IFNULL(hh_limit, 'null'), IFNULL(hh_severity, 'null'), IFNULL(h_limit, 'null'),"
                + " IFNULL(h_severity, 'null'), IFNULL(l_limit, 'null'), IFNULL(l_severity, 'null'),"
                + " IFNULL(ll_limit, 'null'), IFNULL(ll_severity, 'null'), deadband, on_delay_seconds,"
                + " IFNULL(fault_states, 'null'), IFNULL(state_severity, 'null'), enabled)"
                + " FROM alarm_definition WHERE point_id = ?", point);
    }

    /** Everything the settings write, as one string, to see that a refused call changed nothing. */
    private static String snapshot() throws Exception {
        return single("SELECT CONCAT_WS(' / ',"
                + " (SELECT GROUP_CONCAT(CONCAT_WS('|', point_id, IFNULL(hh_limit, '-'), IFNULL(h_limit, '-'),"
                + "   IFNULL(l_limit, '-'), IFNULL(ll_limit, '-'), deadband, on_delay_seconds, IFNULL(fault_states, '-'),"
                + "   enabled, IFNULL(shelved_until, '-'), IFNULL(shelve_reason, '-'), updated_at) ORDER BY point_id)"
                + "   FROM alarm_definition),"
                + " (SELECT GROUP_CONCAT(CONCAT_WS('|', device_id, comm_loss_minutes, severity, enabled,"
                + "   IFNULL(shelved_until, '-'), updated_at) ORDER BY device_id) FROM device_alarm_setting),"
                + " (SELECT GROUP_CONCAT(CONCAT_WS('|', id, name, notify_major, notify_minor, notify_notice,"
                + "   notify_recovery, delay_minutes, enabled) ORDER BY id) FROM recipient_group),"
                + " (SELECT GROUP_CONCAT(CONCAT_WS('|', id, group_id, IFNULL(user_id, '-'), IFNULL(email, '-'),"
                + "   IFNULL(locale, '-')) ORDER BY id) FROM recipient_group_member))");
    }

    private static String facilityId(String code) throws Exception {
        return single("SELECT id FROM facility WHERE code = ?", code);
    }

    private static String deviceId(String facility) throws Exception {
        return single("SELECT id FROM field_device WHERE code = ?", facility + "-TM");
    }

    private static String pointId(String facility, String point) throws Exception {
        return single("SELECT p.id FROM measurement_point p JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ?", facility + "-TM", point);
    }

    private static String userId(String login) throws Exception {
        return single("SELECT id FROM app_user WHERE login_id = ?", login);
    }

    private static String single(String sql, String... parameters) throws Exception {
        String value = optional(sql, parameters);
        assertTrue(value != null, sql);
        return value;
    }

    private static String optional(String sql, String... parameters) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static int count(Connection c, String sql, String... parameters) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The pages' message bundle, from the sources (the suites run beside the build, not inside the WAR). */
    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("suijin.home"),
                "web/src/main/resources/jp/suijin/web", name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
