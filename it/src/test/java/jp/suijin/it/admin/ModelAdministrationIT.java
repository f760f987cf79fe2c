package jp.suijin.it.admin;

import static jp.suijin.it.admin.ModelAdministrationITFixture.ADMIN;
import static jp.suijin.it.admin.ModelAdministrationITFixture.LIMITED_ADMIN;
import static jp.suijin.it.admin.ModelAdministrationITFixture.OPERATOR;
import static jp.suijin.it.admin.ModelAdministrationITFixture.OTHER_ADMIN;
import static jp.suijin.it.admin.ModelAdministrationITFixture.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.ServerLog;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * An administrator sets up facilities, field devices and measurement points through the real
 * ModelAdministration service (called over HTTP as signed-in users); the device API then accepts
 * exactly what was set up. Other organisations and other roles get nowhere, and no device token is
 * kept anywhere in clear.
 */
class ModelAdministrationIT extends IntegrationTest {

    private static final String SAMPLES = "api/device/v1/samples";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ModelAdministrationProbe.deployment();
    }

    @Test
    void anAdministratorSetsUpAFacilityWhoseDeviceSendsToItsPoints() throws Exception {
        long facility = Long.parseLong(ok(ADMIN, "createFacility", "code", "ITM-1", "name", "検証 第一浄水場",
                "kind", "PURIFICATION_PLANT", "order", "0"));
        String[] device = ok(ADMIN, "createDevice", "facility", id(facility), "code", "ITM-1-TM", "name", "テレメータ").split(" ");
        assertTrue(device[1].matches("[A-Za-z0-9_-]{43}"), "a 256-bit URL-safe token");
        ok(ADMIN, "createPoint", "facility", id(facility), "device", device[0], "code", "LI", "name", "配水池水位",
                "kind", "ANALOG", "unit", "m", "low", "0", "high", "10", "decimals", "2", "order", "0");
        ok(ADMIN, "createPoint", "facility", id(facility), "device", device[0], "code", "P1", "name", "1号ポンプ",
                "kind", "STATE", "labels", "1＝運転；0＝停止", "order", "1");
        ok(ADMIN, "createPoint", "facility", id(facility), "device", device[0], "code", "FQ", "name", "積算流量",
                "kind", "COUNTER", "unit", "m³", "high", "1000000", "decimals", "0", "order", "2");

        assertEquals("0=停止;1=運転|null|null|null", pointColumns("ITM-1-TM", "P1"),
                "state labels are kept as the device API reads them, nothing else");
        assertEquals("null|null|1000000|m³", pointColumns("ITM-1-TM", "FQ"), "a counter keeps only its roll-over");
        assertTrue(ok(ADMIN, "facilities").contains("ITM-1"));

        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        HttpResponse<String> good = post("ITM-1-TM", device[1], sample("LI", t, "5.25"), sample("P1", t, "1"),
                sample("FQ", t, "999990"));
        assertEquals(200, good.statusCode(), good.body());
        assertTrue(good.body().contains("\"accepted\":3"), good.body());
        HttpResponse<String> impossible = post("ITM-1-TM", device[1], sample("LI", t.plusSeconds(1), "20"),
                sample("P1", t.plusSeconds(1), "2"), sample("FQ", t.plusSeconds(1), "1000000"));
        assertTrue(impossible.body().contains("\"accepted\":0"), impossible.body());
        assertTrue(impossible.body().contains("outside the physical range 0.0 to 10.0 m"), impossible.body());
        assertTrue(impossible.body().contains("state 2 is not defined"), impossible.body());
        assertTrue(impossible.body().contains("not below the meter's roll-over"), impossible.body());

        assertTrue(ok(ADMIN, "dashboard").contains("ITM-1"));
        ok(ADMIN, "facilityEnabled", "id", id(facility), "enabled", "false");
        assertFalse(ok(ADMIN, "dashboard").contains("ITM-1"), "a disabled facility is hidden from the dashboard");
        assertTrue(ok(ADMIN, "facilities").contains("ITM-1"), "and still listed for its administrators");
        ok(ADMIN, "facilityEnabled", "id", id(facility), "enabled", "true");
        assertTrue(ok(ADMIN, "dashboard").contains("ITM-1"));
    }

    @Test
    void aRotatedTokenReplacesTheOldOneAtOnce() throws Exception {
        String[] device = deviceWithLevel("ITM-2");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        assertEquals(200, post("ITM-2-TM", device[1], sample("LI", t, "1")).statusCode());

        String rotated = ok(ADMIN, "rotate", "id", device[0]).split(" ")[1];

        assertFalse(rotated.equals(device[1]));
        assertEquals(401, post("ITM-2-TM", device[1], sample("LI", t.plusSeconds(1), "1")).statusCode());
        assertEquals(200, post("ITM-2-TM", rotated, sample("LI", t.plusSeconds(2), "1")).statusCode());
    }

    @Test
    void aDisabledDeviceIsRefusedUntilEnabledAgain() throws Exception {
        String[] device = deviceWithLevel("ITM-3");
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

        ok(ADMIN, "deviceEnabled", "id", device[0], "enabled", "false");
        HttpResponse<String> refused = post("ITM-3-TM", device[1], sample("LI", t, "1"));
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("device_unauthorized"), refused.body());

        ok(ADMIN, "deviceEnabled", "id", device[0], "enabled", "true");
        assertEquals(200, post("ITM-3-TM", device[1], sample("LI", t, "1")).statusCode());
    }

    @Test
    void eachBadInputIsRefusedByNameAndNothingIsHalfWritten() throws Exception {
        String[] device = deviceWithLevel("ITM-4");
        String facility = facilityId("ITM-4");
        String[] elsewhere = deviceWithLevel("ITM-5");
        int[] before = rowCounts();
        String longName = "名".repeat(201);

        List<String[]> cases = List.of(
                call("facilityCode model.error.facilityCode", "createFacility", "code", "", "name", "x", "kind", "SEWAGE_PLANT", "order", "0"),
                call("facilityCode model.error.facilityCode", "createFacility", "code", "-X", "name", "x", "kind", "SEWAGE_PLANT", "order", "0"),
                call("facilityCode model.error.facilityCode", "createFacility", "code", "X".repeat(33), "name", "x", "kind", "SEWAGE_PLANT", "order", "0"),
                call("facilityCode model.error.facilityCodeTaken", "createFacility", "code", "ITM-4", "name", "x", "kind", "SEWAGE_PLANT", "order", "0"),
                call("facilityName model.error.facilityName", "createFacility", "code", "ITM-X", "name", " ", "kind", "SEWAGE_PLANT", "order", "0"),
                call("facilityName model.error.facilityName", "createFacility", "code", "ITM-X", "name", longName, "kind", "SEWAGE_PLANT", "order", "0"),
                call("kind model.error.facilityKind", "createFacility", "code", "ITM-X", "name", "x", "order", "0"),
                call("displayOrder model.error.displayOrder", "createFacility", "code", "ITM-X", "name", "x", "kind", "SEWAGE_PLANT", "order", "-1"),
                call("displayOrder model.error.displayOrder", "createFacility", "code", "ITM-X", "name", "x", "kind", "SEWAGE_PLANT", "order", "10000"),
                call("displayOrder model.error.displayOrder", "createFacility", "code", "ITM-X", "name", "x", "kind", "SEWAGE_PLANT"),
                call("facilityCode model.error.facilityCodeTaken", "editFacility", "id", facilityId("ITM-5"), "code", "ITM-4", "name", "x", "kind", "SEWAGE_PLANT", "order", "0"),
                call("deviceCode model.error.deviceCode", "createDevice", "facility", facility, "code", "bad code", "name", "x"),
                // a device code of the organisation's, at another of its facilities
                call("deviceCode model.error.deviceCodeTaken", "createDevice", "facility", facility, "code", "ITM-5-TM", "name", "x"),
                call("deviceName model.error.deviceName", "createDevice", "facility", facility, "code", "ITM-4-TM2", "name", ""),
                call("deviceName model.error.deviceName", "renameDevice", "id", device[0], "name", longName),
                call("device model.error.pointDevice", "createPoint", "facility", facility, "code", "X", "name", "x", "kind", "ANALOG", "low", "0", "high", "1", "decimals", "0", "order", "0"),
                call("device model.error.pointDevice", "createPoint", "facility", facility, "device", elsewhere[0], "code", "X", "name", "x", "kind", "ANALOG", "low", "0", "high", "1", "decimals", "0", "order", "0"),
                point("pointCode model.error.pointCode", device, facility, "code", "a b"),
                point("pointCode model.error.pointCodeTaken", device, facility, "code", "LI"),
                point("pointName model.error.pointName", device, facility, "name", ""),
                point("kind model.error.pointKind", device, facility, "kind", null),
                point("rangeHigh model.error.rangeRequired", device, facility, "high", null),
                point("rangeLow model.error.rangeRequired", device, facility, "low", null),
                point("rangeHigh model.error.range", device, facility, "low", "10"),
                point("rangeHigh model.error.range", device, facility, "low", "5", "high", "5"),
                point("rangeLow model.error.number", device, facility, "low", "NaN"),
                point("rangeHigh model.error.rangeMagnitude", device, facility, "kind", "COUNTER", "low", null, "high", "1.7e308"),
                point("decimals model.error.decimals", device, facility, "decimals", "7"),
                point("decimals model.error.decimals", device, facility, "decimals", "-1"),
                point("unit model.error.unit", device, facility, "unit", "u".repeat(17)),
                point("displayOrder model.error.displayOrder", device, facility, "order", "10000"),
                point("rangeLow model.error.counterLow", device, facility, "kind", "COUNTER", "low", "5"),
                point("rangeHigh model.error.rollover", device, facility, "kind", "COUNTER", "low", null, "high", "0"),
                point("stateLabels model.error.stateLabels.EMPTY", device, facility, "kind", "STATE", "labels", " ; "),
                point("stateLabels model.error.stateLabels.NOT_AN_ENTRY", device, facility, "kind", "STATE", "labels", "0=停止;運転"),
                point("stateLabels model.error.stateLabels.NOT_A_STATE", device, facility, "kind", "STATE", "labels", "a=停止"),
                point("stateLabels model.error.stateLabels.DUPLICATE_STATE", device, facility, "kind", "STATE", "labels", "1=運転;1=停止"),
                point("stateLabels model.error.stateLabels.EMPTY_LABEL", device, facility, "kind", "STATE", "labels", "0=停止;1="),
                point("stateLabels model.error.stateLabels.TOO_LONG", device, facility, "kind", "STATE", "labels", "0=" + "長".repeat(499)));

        Properties english = bundle("messages.properties");
        Properties japanese = bundle("messages_ja.properties");
        for (String[] c : cases) {
            HttpResponse<String> answer = ModelAdministrationProbe.call(ADMIN, c[1], Arrays.copyOfRange(c, 2, c.length));
            assertEquals(422, answer.statusCode(), String.join(" ", c) + ": " + answer.body());
            assertEquals(c[0], answer.body(), String.join(" ", c));
            String key = c[0].split(" ")[1];
            assertTrue(english.containsKey(key) && japanese.containsKey(key), "no message for " + key);
        }
        assertEquals(Arrays.toString(before), Arrays.toString(rowCounts()), "a refused call wrote something");
    }

    /**
     * Two organisations both call a device JS01: each administrator may, once per organisation; each device
     * posts with its own token (which alone identifies it) and its samples land on its own organisation's point.
     */
    @Test
    void aDeviceCodeIsUniqueWithinItsOrganisationOnly() throws Exception {
        String mine = ok(ADMIN, "createFacility", "code", "ITM-DUP", "name", "検証 ITM-DUP", "kind", "PURIFICATION_PLANT",
                "order", "9");
        String theirs = ok(OTHER_ADMIN, "createFacility", "code", "ITM-DUP-B", "name", "別組織 ITM-DUP-B",
                "kind", "PURIFICATION_PLANT", "order", "9");
        String[] a = ok(ADMIN, "createDevice", "facility", mine, "code", "JS01", "name", "子局 A").split(" ");
        String[] b = ok(OTHER_ADMIN, "createDevice", "facility", theirs, "code", "JS01", "name", "子局 B").split(" ");
        for (String[] d : new String[][] {{ADMIN, mine, a[0]}, {OTHER_ADMIN, theirs, b[0]}}) {
            ok(d[0], "createPoint", "facility", d[1], "device", d[2], "code", "LI", "name", "水位", "kind", "ANALOG",
                    "unit", "m", "low", "0", "high", "10", "decimals", "2", "order", "0");
        }
        String elsewhere = ok(ADMIN, "createFacility", "code", "ITM-DUP-2", "name", "検証 ITM-DUP-2",
                "kind", "PURIFICATION_PLANT", "order", "10");
        HttpResponse<String> twice = ModelAdministrationProbe.call(ADMIN, "createDevice", "facility", elsewhere,
                "code", "JS01", "name", "二台目");
        assertEquals(422, twice.statusCode(), twice.body());
        assertEquals("deviceCode model.error.deviceCodeTaken", twice.body());
        assertTrue(bundle("messages_ja.properties").getProperty("model.error.deviceCodeTaken").contains("組織内"));

        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        HttpResponse<String> fromA = post("JS01", a[1], sample("LI", t, "1.25"));
        HttpResponse<String> fromB = post("JS01", b[1], sample("LI", t, "7.5"));
        assertEquals(200, fromA.statusCode(), fromA.body());
        assertEquals(200, fromB.statusCode(), fromB.body());
        assertTrue(fromA.body().contains("\"accepted\":1") && fromB.body().contains("\"accepted\":1"));
        assertEquals(1.25, level(a[0]), "A's value on A's point");
        assertEquals(7.5, level(b[0]), "B's value on B's point");

        // a device sending with another device's token is told so, and nothing is stored
        HttpResponse<String> mixedUp = post("ITM-2-TM", a[1], sample("LI", t.plusSeconds(1), "2"));
        assertEquals(400, mixedUp.statusCode(), mixedUp.body());
        assertTrue(mixedUp.body().contains("\"device_mismatch\"") && mixedUp.body().contains("'ITM-2-TM'"), mixedUp.body());
    }

    @Test
    void aPointWithSamplesKeepsItsKind() throws Exception {
        String[] device = deviceWithLevel("ITM-6");
        String facility = facilityId("ITM-6");
        String level = pointId("ITM-6-TM", "LI");
        String empty = ok(ADMIN, "createPoint", "facility", facility, "device", device[0], "code", "LI-2", "name", "予備",
                "kind", "ANALOG", "low", "0", "high", "10", "decimals", "1", "order", "1");
        assertEquals(200, post("ITM-6-TM", device[1], sample("LI", Instant.now().minusSeconds(30), "2")).statusCode());

        HttpResponse<String> refused = ModelAdministrationProbe.call(ADMIN, "editPoint", "id", level, "device", device[0],
                "code", "LI", "name", "水位", "kind", "STATE", "labels", "0=低;1=高", "order", "0");
        assertEquals("kind model.error.kindChange", refused.body());
        ok(ADMIN, "editPoint", "id", level, "device", device[0], "code", "LI", "name", "配水池水位（改）", "kind", "ANALOG",
                "unit", "m", "low", "0", "high", "12", "decimals", "2", "order", "0");
        ok(ADMIN, "editPoint", "id", empty, "device", device[0], "code", "LI-2", "name", "予備", "kind", "STATE",
                "labels", "0=正常;1=故障", "order", "1");
        String detail = ok(ADMIN, "facility", "id", facility);
        assertTrue(detail.contains("name=配水池水位（改）, kind=ANALOG, unit=m, rangeLow=0.0, rangeHigh=12.0"), detail);
        assertTrue(detail.contains("kind=STATE, unit=null, rangeLow=null, rangeHigh=null, decimals=0, stateLabels=0=正常;1=故障"),
                detail);
    }

    @Test
    void anotherOrganisationsAdministratorGetsTheAnswerForAnUnknownId() throws Exception {
        String[] device = deviceWithLevel("ITM-7");
        String facility = facilityId("ITM-7");
        String point = pointId("ITM-7-TM", "LI");
        String unknown = String.valueOf(Long.MAX_VALUE);

        assertFalse(ok(OTHER_ADMIN, "facilities").contains("ITM-7"));
        for (String[] attempt : new String[][] {
            {"facility", "id", facility},
            {"editFacility", "id", facility, "code", "MINE", "name", "乗っ取り", "kind", "SEWAGE_PLANT", "order", "0"},
            {"facilityEnabled", "id", facility, "enabled", "false"},
            {"createDevice", "facility", facility, "code", "ITM-7-EVIL", "name", "x"},
            {"createPoint", "facility", facility, "device", device[0], "code", "EVIL", "name", "x", "kind", "ANALOG",
                "low", "0", "high", "1", "decimals", "0", "order", "0"},
            {"renameDevice", "id", device[0], "name", "乗っ取り"},
            {"deviceEnabled", "id", device[0], "enabled", "false"},
            {"rotate", "id", device[0]},
            {"editPoint", "id", point, "device", device[0], "code", "LI", "name", "x", "kind", "ANALOG",
                "low", "0", "high", "1", "decimals", "0", "order", "0"},
            {"pointEnabled", "id", point, "enabled", "false"}}) {
            String[] withUnknownId = attempt.clone();
            withUnknownId[2] = unknown;
            HttpResponse<String> foreign = ModelAdministrationProbe.call(OTHER_ADMIN, attempt[0],
                    Arrays.copyOfRange(attempt, 1, attempt.length));
            HttpResponse<String> missing = ModelAdministrationProbe.call(OTHER_ADMIN, attempt[0],
                    Arrays.copyOfRange(withUnknownId, 1, withUnknownId.length));
            assertEquals(422, foreign.statusCode(), attempt[0] + ": " + foreign.body());
            assertEquals(missing.statusCode() + " " + missing.body(), foreign.statusCode() + " " + foreign.body(), attempt[0]);
        }
        String detail = ok(ADMIN, "facility", "id", facility);
        assertTrue(detail.contains("facilityCode=ITM-7, name=検証 ITM-7") && detail.contains("enabled=true"), detail);
        assertFalse(detail.contains("乗っ取り") || detail.contains("EVIL") || detail.contains("enabled=false"), detail);
        assertEquals(200, post("ITM-7-TM", device[1], sample("LI", Instant.now().minusSeconds(30), "1")).statusCode(),
                "the device still works with its own token");
    }

    /**
     * An administrator limited to one facility: the model and report-layout services answer for any other
     * facility, its devices and points exactly as for an unknown id; they cannot lift their own limits,
     * grant beyond them or create an account that sees more; another administrator lifts them.
     */
    @Test
    void anAdministratorLimitedToSomeFacilitiesReachesOnlyThoseAndCannotLiftTheLimits() throws Exception {
        deviceWithLevel("ITM-L1");
        String[] device = deviceWithLevel("ITM-L2");
        String mine = facilityId("ITM-L1");
        String notMine = facilityId("ITM-L2");
        String point = pointId("ITM-L2-TM", "LI");
        String limited = single("SELECT id FROM app_user WHERE login_id = ?", LIMITED_ADMIN);
        String operator = single("SELECT id FROM app_user WHERE login_id = ?", OPERATOR);
        ok(ADMIN, "setFacilities", "user", limited, "facilities", mine);

        List<String> listed = Arrays.asList(ok(LIMITED_ADMIN, "facilities").split(","));
        assertTrue(listed.contains("ITM-L1") && !listed.contains("ITM-L2"), listed.toString());
        assertEquals("ITM-L1", ok(LIMITED_ADMIN, "layoutFacilities"), "report layouts list only the facility they may see");
        assertTrue(ok(LIMITED_ADMIN, "facility", "id", mine).contains("facilityCode=ITM-L1"));
        assertEquals("ITM-L1", ok(LIMITED_ADMIN, "layout", "facility", mine));
        String unknown = String.valueOf(Long.MAX_VALUE);
        for (String[] attempt : new String[][] {
            {"facility", "id", notMine},
            {"editFacility", "id", notMine, "code", "ITM-L2", "name", "越権", "kind", "SEWAGE_PLANT", "order", "0"},
            {"facilityEnabled", "id", notMine, "enabled", "false"},
            {"createDevice", "facility", notMine, "code", "ITM-L2-EVIL", "name", "x"},
            {"createPoint", "facility", notMine, "device", device[0], "code", "EVIL", "name", "x", "kind", "ANALOG",
                "low", "0", "high", "1", "decimals", "0", "order", "0"},
            {"renameDevice", "id", device[0], "name", "越権"},
            {"deviceEnabled", "id", device[0], "enabled", "false"},
            {"rotate", "id", device[0]},
            {"editPoint", "id", point, "device", device[0], "code", "LI", "name", "x", "kind", "ANALOG",
                "low", "0", "high", "1", "decimals", "0", "order", "0"},
            {"pointEnabled", "id", point, "enabled", "false"},
            {"layout", "facility", notMine},
            {"useDefaultLayout", "facility", notMine}}) {
            String[] withUnknownId = attempt.clone();
            withUnknownId[2] = unknown;
            HttpResponse<String> beyond = ModelAdministrationProbe.call(LIMITED_ADMIN, attempt[0],
                    Arrays.copyOfRange(attempt, 1, attempt.length));
            HttpResponse<String> missing = ModelAdministrationProbe.call(LIMITED_ADMIN, attempt[0],
                    Arrays.copyOfRange(withUnknownId, 1, withUnknownId.length));
            assertTrue(beyond.statusCode() == 422 || beyond.statusCode() == 404, attempt[0] + ": " + beyond.body());
            assertEquals(missing.statusCode() + " " + missing.body(), beyond.statusCode() + " " + beyond.body(), attempt[0]);
        }
        String detail = ok(ADMIN, "facility", "id", notMine);
        assertFalse(detail.contains("越権") || detail.contains("EVIL") || detail.contains("enabled=false"), detail);
        assertEquals("facilityCode model.error.facilityLimited", refused(LIMITED_ADMIN, "createFacility", "code", "ITM-L3",
                "name", "x", "kind", "SEWAGE_PLANT", "order", "0"));

        // their own limits are for someone else to lift; others get only what they have themselves
        assertEquals("facilities admin.error.selfFacilities", refused(LIMITED_ADMIN, "setFacilities", "user", limited,
                "facilities", ""));
        assertEquals("facilities admin.error.selfFacilities", refused(LIMITED_ADMIN, "setFacilities", "user", limited,
                "facilities", mine + "," + notMine));
        // a user who sees more than they do (here: every facility) is not theirs to change, not even to limit
        for (String[] attempt : new String[][] {
            {"setFacilities", "user", operator, "facilities", mine},
            {"setRole", "user", operator, "role", "VIEWER"},
            {"userEnabled", "user", operator, "enabled", "false"}}) {
            assertEquals("user admin.error.userBeyondOwn", refused(LIMITED_ADMIN, attempt[0],
                    Arrays.copyOfRange(attempt, 1, attempt.length)), attempt[0]);
        }
        assertEquals("OPERATOR 1 ", single("SELECT CONCAT(role, ' ', enabled, ' ', IFNULL((SELECT GROUP_CONCAT(facility_id)"
                + " FROM user_facility WHERE user_id = u.id), '')) FROM app_user u WHERE id = ?", operator),
                "a refused call wrote something");
        ok(ADMIN, "setFacilities", "user", operator, "facilities", mine);
        assertEquals("facilities admin.error.facilityBeyondOwn", refused(LIMITED_ADMIN, "setFacilities", "user",
                operator, "facilities", notMine));
        assertEquals("facilities admin.error.facilityBeyondOwn", refused(LIMITED_ADMIN, "setFacilities", "user",
                operator, "facilities", ""));
        for (String key : List.of("model.error.facilityLimited", "admin.error.selfFacilities",
                "admin.error.facilityBeyondOwn", "admin.error.userBeyondOwn")) {
            assertTrue(bundle("messages.properties").containsKey(key) && bundle("messages_ja.properties").containsKey(key),
                    "no message for " + key);
        }
        ok(LIMITED_ADMIN, "setRole", "user", operator, "role", "OPERATOR");
        ok(LIMITED_ADMIN, "setFacilities", "user", operator, "facilities", mine);
        assertEquals(mine, single("SELECT GROUP_CONCAT(facility_id) FROM user_facility WHERE user_id = ?", operator));
        String created = ok(LIMITED_ADMIN, "createUser", "login", "it-model.made" + System.nanoTime() % 100000);
        assertEquals(mine, single("SELECT GROUP_CONCAT(facility_id) FROM user_facility WHERE user_id = ?", created),
                "an account a limited administrator makes starts with their limits");

        ok(ADMIN, "setFacilities", "user", operator, "facilities", "");
        ok(ADMIN, "setFacilities", "user", limited, "facilities", "");
        assertTrue(Arrays.asList(ok(LIMITED_ADMIN, "facilities").split(",")).contains("ITM-L2"),
                "another administrator lifted the limits");
    }

    private static String refused(String login, String method, String... parameters) throws Exception {
        HttpResponse<String> r = ModelAdministrationProbe.call(login, method, parameters);
        assertEquals(422, r.statusCode(), method + ": " + r.body());
        return r.body();
    }

    @Test
    void operatorsAndViewersAreRefused() throws Exception {
        for (String login : new String[] {OPERATOR, VIEWER}) {
            assertEquals(403, ModelAdministrationProbe.call(login, "facilities").statusCode(), login);
            assertEquals(403, ModelAdministrationProbe.call(login, "createFacility", "code", "ITM-R", "name", "x",
                    "kind", "SEWAGE_PLANT", "order", "0").statusCode(), login);
            assertEquals(403, ModelAdministrationProbe.call(login, "rotate", "id", "1").statusCode(), login);
        }
        assertFalse(ok(ADMIN, "facilities").contains("ITM-R"));
    }

    @Test
    void noDeviceTokenIsKeptInAnyRecordOrTheServerLog() throws Exception {
        String[] device = deviceWithLevel("ITM-8");
        String rotated = ok(ADMIN, "rotate", "id", device[0]).split(" ")[1];
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        assertEquals(401, post("ITM-8-TM", device[1], sample("LI", t, "1")).statusCode());
        assertEquals(200, post("ITM-8-TM", rotated, sample("LI", t, "1")).statusCode());
        AuditProbe.flush();

        try (Connection c = stack().connect()) {
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'modelAdministration.createDevice'"
                    + " AND principal = ? AND target LIKE ? AND outcome = 'OK'", ADMIN, "%deviceCode=ITM-8-TM%"),
                    "the device's creation is recorded");
            assertEquals(1, count(c, "SELECT COUNT(*) FROM audit_record WHERE operation = 'modelAdministration.rotateDeviceToken'"
                    + " AND principal = ? AND target = ?", ADMIN, "deviceId=" + device[0]), "the rotation is recorded");
            for (String token : new String[] {device[1], rotated}) {
                assertEquals(0, count(c, "SELECT COUNT(*) FROM audit_record WHERE CONCAT_WS('|', principal, user_agent,"
                        + " operation, bean_method, target, parameters, error_class) LIKE ?", "%" + token + "%"));
                assertEquals(0, count(c, "SELECT COUNT(*) FROM access_record WHERE CONCAT_WS('|', principal, path, query,"
                        + " user_agent) LIKE ?", "%" + token + "%"));
            }
        }
        ServerLog.assertNeverContains(device[1], rotated);
    }

    /** A facility {@code code} with device {@code code-TM} and an analog point LI; answers the device id and token. */
    private static String[] deviceWithLevel(String code) throws Exception {
        String facility = ok(ADMIN, "createFacility", "code", code, "name", "検証 " + code, "kind", "DISTRIBUTION_RESERVOIR",
                "order", "5");
        String[] device = ok(ADMIN, "createDevice", "facility", facility, "code", code + "-TM", "name", code + " 子局")
                .split(" ");
        ok(ADMIN, "createPoint", "facility", facility, "device", device[0], "code", "LI", "name", "水位", "kind", "ANALOG",
                "unit", "m", "low", "0", "high", "10", "decimals", "2", "order", "0");
        return device;
    }

    /** A valid analog point's parameters with some changed (a null value leaves the parameter out). */
    private static String[] point(String expected, String[] device, String facility, String... changes) {
        List<String> p = new ArrayList<>(List.of("facility", facility, "device", device[0], "code", "NEW", "name", "新規",
                "kind", "ANALOG", "unit", "m", "low", "0", "high", "10", "decimals", "1", "order", "3"));
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
        p.add(0, "createPoint");
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
        HttpResponse<String> r = ModelAdministrationProbe.call(login, method, parameters);
        assertEquals(200, r.statusCode(), method + ": " + r.body());
        return r.body();
    }

    private static String id(long id) {
        return String.valueOf(id);
    }

    private HttpResponse<String> post(String device, String token, String... samples) throws Exception {
        String body = "{\"device\":\"" + device + "\",\"samples\":[" + String.join(",", samples) + "]}";
        return http.send(HttpRequest.newBuilder(stack().deviceUrl(SAMPLES))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String point, Instant time, String value) {
        return "{\"point\":\"" + point + "\",\"time\":\"" + time.atOffset(ZoneOffset.ofHours(9)) + "\",\"value\":" + value + "}";
    }

    private static String facilityId(String code) throws Exception {
        return single("SELECT f.id FROM facility f JOIN organisation o ON o.id = f.organisation_id"
                + " WHERE o.code = 'it-model' AND f.code = ?", code);
    }

    private static String pointId(String device, String point) throws Exception {
        return single("SELECT p.id FROM measurement_point p JOIN field_device d ON d.id = p.device_id"
                + " WHERE d.code = ? AND p.code = ?", device, point);
    }

    /** The one sample of point LI of a device, by the device's id (its code is no longer unique). */
    private static double level(String deviceId) throws Exception {
        return Double.parseDouble(single("SELECT s.value FROM sample s JOIN measurement_point p ON p.id = s.point_id"
                + " WHERE p.device_id = ? AND p.code = 'LI'", deviceId));
    }

    /** state_labels|unit|range_low... of a point, as stored. */
    private static String pointColumns(String device, String point) throws Exception {
        return single("SELECT CONCAT_WS('|', IFNULL(p.state_labels, 'null'), IFNULL(p.range_low, 'null'),"
                + " IFNULL(CAST(p.range_high AS CHAR), 'null'), IFNULL(p.unit, 'null')) FROM measurement_point p"
                + " JOIN field_device d ON d.id = p.device_id WHERE d.code = ? AND p.code = ?", device, point);
    }

    private static int[] rowCounts() throws Exception {
        try (Connection c = stack().connect()) {
            return new int[] {count(c, "SELECT COUNT(*) FROM facility"), count(c, "SELECT COUNT(*) FROM field_device"),
                count(c, "SELECT COUNT(*) FROM measurement_point")};
        }
    }

    private static String single(String sql, String... parameters) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
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
