package jp.suijin.it.alarm;

import static jp.suijin.it.alarm.AlarmITFixture.ADMIN;
import static jp.suijin.it.alarm.AlarmITFixture.LIMITED;
import static jp.suijin.it.alarm.AlarmITFixture.OPERATOR;
import static jp.suijin.it.alarm.AlarmITFixture.OTHER_ADMIN;
import static jp.suijin.it.alarm.AlarmITFixture.VIEWER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.audit.AuditProbe;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The real AlarmConsole, called over HTTP as users of two organisations signed in through the real
 * identity store, on alarms written into the table as the alarm evaluation writes them: the active
 * list and its filters, acknowledgement (bulk, first one stands, comment bounds, roles), the two
 * orders of acknowledging and clearing, the history with its filters and paging, and the CSV and XLSX
 * exports read back. Another organisation's alarms are never seen and their ids are unknown.
 */
class AlarmConsoleIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AlarmProbe.deployment();
    }

    @Test
    void activeListFiltersAndAcknowledgementStayWithinTheCallersAlarms() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long high = AlarmProbe.raise("ITA-1", "LI", "HIGH", "MAJOR", now.minusSeconds(1800), 8.5, 8.0);
        long pump = AlarmProbe.raise("ITA-1", "P1", "STATE", "MINOR", now.minusSeconds(1200), 1, null);
        long low = AlarmProbe.raise("ITA-2", "LI", "LOW", "NOTICE", now.minusSeconds(600), 0.5, 1.0);
        long foreign = AlarmProbe.raise("ITB-1", "LI", "HIGH_HIGH", "MAJOR", now.minusSeconds(300), 9.9, 9.5);

        List<Long> all = ids(ok(OPERATOR, "active"));
        assertTrue(all.containsAll(List.of(high, pump, low)), all.toString());
        assertFalse(all.contains(foreign), "another organisation's alarm is listed");
        assertTrue(all.indexOf(low) < all.indexOf(pump) && all.indexOf(pump) < all.indexOf(high), "newest first: " + all);
        String facility1 = facilityId("ITA-1");
        List<Long> ofFacility = ids(ok(OPERATOR, "active", "facility", facility1));
        assertTrue(ofFacility.containsAll(List.of(high, pump)) && !ofFacility.contains(low), ofFacility.toString());
        List<Long> notices = ids(ok(OPERATOR, "active", "severity", "NOTICE"));
        assertTrue(notices.contains(low) && !notices.contains(high), notices.toString());
        String pumpLine = line(ok(OPERATOR, "active"), pump);
        assertTrue(pumpLine.contains("|警報 第一浄水場|P1|STATE|MINOR|unacked|active|") && pumpLine.endsWith("|故障"),
                pumpLine);

        List<Long> limited = ids(ok(LIMITED, "active"));
        assertTrue(limited.contains(low) && !limited.contains(high) && !limited.contains(pump), limited.toString());
        List<Long> theirs = ids(ok(OTHER_ADMIN, "active"));
        assertTrue(theirs.contains(foreign) && !theirs.contains(high) && !theirs.contains(pump) && !theirs.contains(low),
                theirs.toString());
        String active = ok(OPERATOR, "active");
        String[] summary = ok(OPERATOR, "summary").split(" ", 3);
        assertEquals(String.valueOf(ids(active).size()), summary[0], "active count");
        assertEquals(String.valueOf(active.lines().filter(l -> l.contains("|unacked|")).count()), summary[1]);
        String newest = active.lines().filter(l -> l.contains("|unacked|")).findFirst().orElseThrow();
        assertEquals(newest, summary[2], "the newest unacknowledged alarm");

        // another organisation's id, a facility the caller may not see and an id that does not exist: one answer
        assertRefused(OTHER_ADMIN, "alarmIds alarm.error.unknown", "ids", id(high));
        assertRefused(LIMITED, "alarmIds alarm.error.unknown", "ids", id(high));
        assertRefused(OPERATOR, "alarmIds alarm.error.unknown", "ids", "999999999");
        assertRefused(OPERATOR, "alarmIds alarm.error.unknown", "ids", high + "," + foreign);
        assertRefused(OPERATOR, "alarmIds alarm.error.none", "ids", "");
        assertRefused(OPERATOR, "comment alarm.error.comment", "ids", id(high), "comment", "長".repeat(501));
        assertEquals(403, AlarmProbe.call(VIEWER, "acknowledge", "ids", id(high)).statusCode(), "a viewer acknowledged");
        assertTrue(line(ok(VIEWER, "active"), high).contains("|unacked|"), "a refused call wrote something");
        assertTrue(ok(OTHER_ADMIN, "active").contains("|unacked|"), "the foreign alarm was touched");

        String comment = "現地で確認。" + "字".repeat(494);
        assertEquals("2", ok(OPERATOR, "acknowledge", "ids", high + "," + pump, "comment", comment));
        assertEquals("0", ok(ADMIN, "acknowledge", "ids", id(high), "comment", "後から"), "the first acknowledgement stands");
        String acked = line(ok(ADMIN, "active"), high);
        assertTrue(acked.contains("|acked|active|") && acked.contains("|" + OPERATOR + " (" + OPERATOR + ")|" + comment + "|"),
                acked);

        AuditProbe.flush();
        assertTrue(audit("alarmConsole.acknowledge", OPERATOR).contains("alarmIds=[" + high + ", " + pump + "]"),
                "the operation record names the alarms acknowledged");
        assertTrue(audit("alarm_acknowledged", OPERATOR).contains("alarmIds=[" + high + ", " + pump + "]"));

        // acknowledged before cleared: still to be looked at until cleared
        assertTrue(ids(ok(OPERATOR, "active")).contains(high));
        AlarmProbe.clear(high, now.minusSeconds(60), 7.2);
        assertFalse(ids(ok(OPERATOR, "active")).contains(high), "acknowledged and cleared, yet listed");
        // cleared before acknowledged: listed until acknowledged
        AlarmProbe.clear(low, now.minusSeconds(30), 1.5);
        assertTrue(line(ok(OPERATOR, "active"), low).contains("|unacked|cleared|PT9M30S|"));
        assertEquals("1", ok(OPERATOR, "acknowledge", "ids", id(low)));
        assertFalse(ids(ok(OPERATOR, "active")).contains(low));

        String history = ok(OPERATOR, "history", "from", now.minusSeconds(3600).toString(), "to", now.toString(),
                "size", "100");
        assertTrue(line(history, high).contains("|acked|cleared|PT29M|"), history);
        assertTrue(line(history, low).contains("|acked|cleared|PT9M30S|"), history);
        assertFalse(ids(history).contains(foreign));
        // conditions over, so the other test may raise on the same points
        AlarmProbe.clear(pump, now, 0);
        AlarmProbe.clear(foreign, now, 9.0);
    }

    @Test
    void historyFiltersPagesAndExportsReadBack() throws Exception {
        // a quiet past week of its own: 2025-01-10 09:00 JST = 00:00 UTC
        Instant t = Instant.parse("2025-01-10T00:00:00Z");
        long a = AlarmProbe.raise("ITA-1", "LI", "HIGH_HIGH", "MAJOR", t, 9.876, 9.5);
        AlarmProbe.clear(a, t.plusSeconds(3725), 8.1);
        long b = AlarmProbe.raise("ITA-1", "LI", "LOW", "MINOR", t.plusSeconds(7200), 0.25, 1.0);
        long c = AlarmProbe.raise("ITA-1", "P1", "STATE", "MAJOR", t.plusSeconds(10800), 1, null);
        long d = AlarmProbe.raise("ITA-2", "LI", "HIGH", "NOTICE", t.plusSeconds(14400), 7.5, 7.0);
        AlarmProbe.clear(d, t.plusSeconds(14460), 6.0);
        long e = AlarmProbe.raise("ITA-1", "LI", "HIGH", "MINOR", t.plusSeconds(18000), 8.2, 8.0);
        long foreign = AlarmProbe.raise("ITB-1", "LI", "HIGH", "MAJOR", t.plusSeconds(3600), 8.0, 7.0);
        assertEquals("3", ok(OPERATOR, "acknowledge", "ids", a + "," + c + "," + e,
                "comment", "=HYPERLINK(\"http://x\")"));
        String from = t.minusSeconds(60).toString();
        String to = t.plusSeconds(86400).toString();

        assertEquals(List.of(e, d, c, b, a), ids(history(OPERATOR, from, to)));
        assertEquals(List.of(foreign), ids(history(OTHER_ADMIN, from, to)));
        assertEquals(List.of(d), ids(history(LIMITED, from, to)));
        assertEquals(List.of(c, a), ids(history(OPERATOR, from, to, "severity", "MAJOR")));
        assertEquals(List.of(e, d), ids(history(OPERATOR, from, to, "kind", "HIGH")));
        assertEquals(List.of(e, b, a), ids(history(OPERATOR, from, to, "point", pointId("ITA-1", "LI"))));
        assertEquals(List.of(d), ids(history(OPERATOR, from, to, "facility", facilityId("ITA-2"))));
        assertEquals(List.of(), ids(history(OTHER_ADMIN, from, to, "facility", facilityId("ITA-2"))));
        assertEquals(List.of(e, c, b), ids(history(OPERATOR, from, to, "state", "ACTIVE")));
        assertEquals(List.of(d, a), ids(history(OPERATOR, from, to, "state", "CLEARED")));
        assertEquals(List.of(e, c, a), ids(history(OPERATOR, from, to, "state", "ACKNOWLEDGED")));
        assertEquals(List.of(d, b), ids(history(OPERATOR, from, to, "state", "UNACKNOWLEDGED")));
        assertRefusedAt("history", "to alarm.error.range", "from", to, "to", from, "size", "10");
        assertTrue(line(history(OPERATOR, from, to), a).contains("|acked|cleared|PT1H2M5S|"));

        String first = ok(OPERATOR, "history", "from", from, "to", to, "size", "2");
        assertTrue(first.startsWith("more=true"), first);
        assertEquals(List.of(e, d), ids(first));
        String second = ok(OPERATOR, "history", "from", from, "to", to, "size", "2", "after", position(first, d));
        assertEquals(List.of(c, b), ids(second));
        String third = ok(OPERATOR, "history", "from", from, "to", to, "size", "2", "after", position(second, b));
        assertTrue(third.startsWith("more=false"), third);
        assertEquals(List.of(a), ids(third));
        assertEquals(List.of(e, d), ids(ok(OPERATOR, "history", "from", from, "to", to, "size", "2", "before",
                position(second, c))));

        byte[] csv = body(AlarmProbe.call(OPERATOR, "export", "from", from, "to", to, "format", "CSV", "lang", "ja"));
        assertEquals((byte) 0xEF, csv[0], "UTF-8 byte order mark");
        List<String> lines = Arrays.asList(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("警報ID,発生日時,施設,計測点・機器コード,計測点・機器,種別,重要度,発生値,設定値,単位,復旧日時,復旧値,"
                + "復旧までの時間,確認日時,確認までの時間,確認者,確認コメント", lines.get(0));
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(5).startsWith(a + ",2025-01-10 09:00:00.000,警報 第一浄水場,LI,配水池水位,上上限,重故障,9.88,9.50,m,"
                + "2025-01-10 10:02:05.000,8.10,1:02:05,"), lines.get(5));
        assertTrue(lines.get(5).endsWith(",\"'=HYPERLINK(\"\"http://x\"\")\""), "formula-safe: " + lines.get(5));
        assertTrue(lines.get(3).contains(",P1,1号ポンプ,状態異常,重故障,1 故障,"), lines.get(3));
        assertFalse(new String(csv, StandardCharsets.UTF_8).contains("別組織"));

        byte[] xlsx = body(AlarmProbe.call(OPERATOR, "export", "from", from, "to", to, "format", "XLSX", "lang", "ja"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("警報履歴");
            Row head = sheet.getRow(0);
            assertEquals("発生日時", head.getCell(1).getStringCellValue());
            assertEquals("確認コメント", head.getCell(16).getStringCellValue());
            assertEquals(5, sheet.getLastRowNum());
            Row row = sheet.getRow(5);
            assertEquals(a, (long) row.getCell(0).getNumericCellValue());
            Cell raised = row.getCell(1);
            assertEquals(CellType.NUMERIC, raised.getCellType());
            assertTrue(DateUtil.isCellDateFormatted(raised), "a date cell");
            assertEquals(LocalDateTime.parse("2025-01-10T09:00:00"), raised.getLocalDateTimeCellValue());
            assertEquals("上上限", row.getCell(5).getStringCellValue());
            assertEquals("重故障", row.getCell(6).getStringCellValue());
            assertEquals(9.876, row.getCell(7).getNumericCellValue(), 1e-9);
            assertEquals("0.00", row.getCell(7).getCellStyle().getDataFormatString());
            assertEquals(3725, Math.round(row.getCell(12).getNumericCellValue() * 86400), "time to clear in days");
            // text, and guarded like the CSV, so that editing the cell in Excel cannot turn it into a formula
            assertEquals("'=HYPERLINK(\"http://x\")", row.getCell(16).getStringCellValue());
            assertEquals(CellType.STRING, row.getCell(16).getCellType(), "a comment is text, never a formula");
        }
        byte[] english = body(AlarmProbe.call(OPERATOR, "export", "from", from, "to", to, "format", "XLSX", "lang", "en"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertEquals("Raised", book.getSheet("Alarm history").getRow(0).getCell(1).getStringCellValue());
            assertEquals("High-high", book.getSheet("Alarm history").getRow(5).getCell(5).getStringCellValue());
        }
        byte[] theirs = body(AlarmProbe.call(OTHER_ADMIN, "export", "from", from, "to", to, "format", "CSV", "lang", "ja"));
        String theirText = new String(theirs, StandardCharsets.UTF_8);
        assertEquals(2, theirText.split("\r\n").length, "heading and their one alarm: " + theirText);
        assertFalse(theirText.contains("警報 第一浄水場"), theirText);

        AuditProbe.flush();
        String exports = audit("data_export", OPERATOR);
        assertTrue(exports.contains("format=CSV, rows=5") && exports.contains("format=XLSX, rows=5"), exports);
        // conditions over, so the other test may raise on the same points
        for (long open : new long[] {b, c, e, foreign}) {
            AlarmProbe.clear(open, t.plusSeconds(86000), 5.0);
        }
    }

    private static String history(String login, String from, String to, String... more) throws Exception {
        List<String> p = new ArrayList<>(List.of("from", from, "to", to, "size", "100"));
        p.addAll(List.of(more));
        return ok(login, "history", p.toArray(String[]::new));
    }

    private static String position(String page, long id) {
        String[] fields = line(page, id).split("\\|");
        return fields[11] + "," + id;
    }

    @Test
    void thePushReachesTheEnabledUsersWhoMaySeeTheFacility() throws Exception {
        assertEquals(List.of(ADMIN, OPERATOR, VIEWER), lines(ok(ADMIN, "audience", "facility", "ITA-1")),
                "the user limited to ITA-2 is not told about ITA-1");
        assertEquals(List.of(ADMIN, LIMITED, OPERATOR, VIEWER), lines(ok(ADMIN, "audience", "facility", "ITA-2")));
        assertEquals(List.of(OTHER_ADMIN), lines(ok(ADMIN, "audience", "facility", "ITB-1")));
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static void assertRefused(String login, String expected, String... parameters) throws Exception {
        HttpResponse<byte[]> r = AlarmProbe.call(login, "acknowledge", parameters);
        assertEquals(422, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(expected, new String(r.body(), StandardCharsets.UTF_8));
        assertMessage(expected.split(" ")[1]);
    }

    private static void assertRefusedAt(String method, String expected, String... parameters) throws Exception {
        HttpResponse<byte[]> r = AlarmProbe.call(OPERATOR, method, parameters);
        assertEquals(422, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(expected, new String(r.body(), StandardCharsets.UTF_8));
        assertMessage(expected.split(" ")[1]);
    }

    /** The pages have the problem's text in both languages. */
    private static void assertMessage(String key) throws Exception {
        for (String bundle : List.of("messages.properties", "messages_ja.properties")) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(Path.of(System.getProperty("suijin.home"),
                    "web/src/main/resources/jp/suijin/web", bundle), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            assertTrue(p.containsKey(key), "no text for " + key + " in " + bundle);
        }
    }

    private static String ok(String login, String method, String... parameters) throws Exception {
        return new String(body(AlarmProbe.call(login, method, parameters)), StandardCharsets.UTF_8);
    }

    private static byte[] body(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return r.body();
    }

    private static List<Long> ids(String lines) {
        return Arrays.stream(lines.split("\n")).filter(l -> l.matches("\\d+\\|.*"))
                .map(l -> Long.valueOf(l.substring(0, l.indexOf('|')))).toList();
    }

    private static String line(String lines, long id) {
        return Arrays.stream(lines.split("\n")).filter(l -> l.startsWith(id + "|")).findFirst()
                .orElseThrow(() -> new AssertionError("alarm " + id + " not in\n" + lines));
    }

    private static String id(long id) {
        return String.valueOf(id);
    }

    private static String facilityId(String code) throws Exception {
        return scalar("SELECT id FROM facility WHERE code = ?", code);
    }

    private static String pointId(String facility, String point) throws Exception {
        return scalar("SELECT p.id FROM measurement_point p JOIN facility f ON f.id = p.facility_id"
                + " WHERE f.code = ? AND p.code = ?", facility, point);
    }

    /** Target and parameters of the caller's newest record of the operation. */
    private static String audit(String operation, String principal) throws Exception {
        return scalar("SELECT CONCAT(COALESCE(target, ''), ' | ', COALESCE(parameters, '')) FROM audit_record"
                + " WHERE operation = ? AND principal = ? ORDER BY seq DESC LIMIT 1", operation, principal)
                + " || " + scalar("SELECT GROUP_CONCAT(parameters SEPARATOR ' ; ') FROM audit_record"
                + " WHERE operation = ? AND principal = ?", operation, principal);
    }

    private static String scalar(String sql, String... params) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
