package jp.suijin.it.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditITMechanism;
import jp.suijin.it.audit.AuditITServlet;
import jp.suijin.it.audit.AuditProbe;
import jp.suijin.it.web.Browser;
import jp.suijin.report.Statistic;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reports of 西町ポンプ場 (PS01), whose points no other suite posts to: samples posted through the
 * device API two and three days ago, statistics rolled up, then the daily, monthly and yearly
 * numbers of the exports checked against values computed here from the samples posted (欠測
 * hours, days and months included); the layout page; other organisations kept out; the pages in a
 * real browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportIT extends IntegrationTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String FACILITY = "PS01";
    private static final String DEVICE = "PS01-TM1";
    private static final String LEVEL = "LI-TANK";
    private static final String FLOW = "FQ-DIS";
    /** The layout the administrator sets: (point, statistic) per column. */
    private static final String[][] LAYOUT = {{LEVEL, "AVERAGE"}, {LEVEL, "MAXIMUM"}, {LEVEL, "MINIMUM"}, {FLOW, "DELTA"}};
    /** Sheet rows before the first data row: title, made, empty, two heading rows. */
    private static final int FIRST_ROW = 5;

    private static final LocalDate DAY = LocalDate.now(JAPAN).minusDays(2);
    private static final LocalDate DAY_BEFORE = DAY.minusDays(1);
    private static final Map<String, NavigableMap<Instant, Double>> POSTED = new HashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        WebArchive probe = ShrinkWrap.create(WebArchive.class, "audit-probe.war")
                .addClasses(AuditITFixture.class, AuditITServlet.class, AuditITMechanism.class, ReportITFixture.class,
                        ReportITServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return Deployments.applicationWith(probe);
    }

    @BeforeAll
    static void postSamplesAndRollUp() throws Exception {
        if (!POSTED.isEmpty()) {
            return;
        }
        // level: hour 3 of DAY has no sample (欠測); counter: increases across hours and days
        post(LEVEL, Map.of(at(DAY_BEFORE, 10, 5), 2.0, at(DAY_BEFORE, 10, 35), 2.4,
                at(DAY, 1, 0), 1.0, at(DAY, 1, 30), 1.5, at(DAY, 2, 15), 2.25,
                at(DAY, 5, 0), 3.1, at(DAY, 5, 20), 3.3, at(DAY, 5, 40), 3.2, at(DAY, 23, 59), 0.755));
        post(FLOW, Map.of(at(DAY_BEFORE, 10, 5), 900.0, at(DAY_BEFORE, 10, 35), 950.0,
                at(DAY, 1, 0), 1000.0, at(DAY, 1, 30), 1010.0, at(DAY, 2, 15), 1025.0,
                at(DAY, 5, 0), 1100.0, at(DAY, 5, 40), 1130.0, at(DAY, 23, 0), 1200.0));
        AuditProbe.post("rollups");
    }

    @Test
    @Order(1)
    void aFacilityWithoutLayoutShowsItsAnalogAveragesAndCounterIncreasesButNoStates() throws Exception {
        PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());
        String page = viewer.get(reportUrl("DAILY", DAY)).body();
        assertTrue(page.contains("西町ポンプ場 日報 " + DAY.getYear() + "年" + DAY.getMonthValue() + "月" + DAY.getDayOfMonth() + "日"), page);
        assertTrue(page.contains("data-point=\"" + LEVEL + "\"") && page.contains("data-point=\"" + FLOW + "\""), page);
        assertFalse(page.contains("data-point=\"P1-RUN\""), "state points are not in the default layout");
        assertTrue(page.contains("欠測"), "missing hours are marked");
    }

    @Test
    @Order(2)
    void anAdministratorSetsTheLayoutAndBadInputIsRefusedByName() throws Exception {
        PageClient admin = PageClient.signedIn("demo.admin", stack().demo().password());
        String page = admin.get("app/admin/report-layout.xhtml?facility=" + facilityId(FACILITY)).body();
        assertTrue(page.contains("標準レイアウト"), page);
        int rows = count(page, "columns:list:\\d+:point_input");
        assertTrue(rows >= 2, "the default columns are listed: " + rows);
        while (rows > LAYOUT.length) {
            page = admin.submit("columns", "list:" + (--rows) + ":remove", Map.of()).body();
        }
        assertEquals(LAYOUT.length, count(page, "columns:list:\\d+:point_input"));

        // the same point and statistic twice, a statistic that does not fit: refused, nothing saved
        Map<String, String> duplicate = layoutFields();
        duplicate.put("list:1:statistic_input", "AVERAGE");
        assertTrue(admin.submit("columns", "save", duplicate).body().contains("2行目: LI-TANK はこの統計値で既にレイアウトにあります。"));
        Map<String, String> misfit = layoutFields();
        misfit.put("list:3:statistic_input", "AVERAGE");
        assertTrue(admin.submit("columns", "save", misfit).body()
                .contains("4行目: FQ-DIS は種別「COUNTER」の計測点です。"));
        assertEquals(0, storedLayout().size(), "nothing half-written");

        page = admin.submit("columns", "save", layoutFields()).body();
        assertTrue(page.contains("西町ポンプ場の帳票レイアウトを保存しました。"), page);
        assertTrue(page.contains("個別設定"), page);
        List<String> expected = new ArrayList<>();
        for (String[] column : LAYOUT) {
            expected.add(pointId(FACILITY, column[0]) + ":" + column[1]);
        }
        assertEquals(expected, storedLayout());

        // ids the page never offers, through the service itself: unknown, another facility's, another organisation's
        long facility = facilityId(FACILITY);
        assertEquals("400 report.layout.error.point [1, 999999]", layoutByService("demo.admin", stack().demo().password(),
                facility, "999999:AVERAGE"));
        long otherFacilitysPoint = pointId("JS01", "LI-401");
        assertEquals("400 report.layout.error.point [2, " + otherFacilitysPoint + "]", layoutByService("demo.admin",
                stack().demo().password(), facility, pointId(FACILITY, LEVEL) + ":AVERAGE," + otherFacilitysPoint + ":AVERAGE"));
        long foreignPoint = pointId(ReportITFixture.OTHER_FACILITY, ReportITFixture.OTHER_POINT);
        assertEquals("400 report.layout.error.point [1, " + foreignPoint + "]", layoutByService("demo.admin",
                stack().demo().password(), facility, foreignPoint + ":MAXIMUM"));
        assertEquals("400 report.layout.error.duplicate [2, LI-TANK]", layoutByService("demo.admin",
                stack().demo().password(), facility, pointId(FACILITY, LEVEL) + ":MINIMUM," + pointId(FACILITY, LEVEL) + ":MINIMUM"));
        assertEquals(expected, storedLayout(), "the refused layouts changed nothing");
        // another organisation's administrator cannot touch it, and is told it does not exist
        assertEquals("404", layoutByService(ReportITFixture.OTHER_ADMIN, ReportITFixture.PASSWORD, facility,
                pointId(FACILITY, LEVEL) + ":AVERAGE").substring(0, 3));
    }

    @Test
    @Order(3)
    void dailyMonthlyAndYearlyExportsMatchTheSamplesPosted() throws Exception {
        PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());

        viewer.get(reportUrl("DAILY", DAY));
        Sheet daily = xlsx(viewer);
        assertTrue(daily.getRow(0).getCell(0).getStringCellValue().startsWith("西町ポンプ場 日報"));
        assertEquals("時刻", daily.getRow(3).getCell(0).getStringCellValue());
        assertTrue(daily.getRow(3).getCell(1).getStringCellValue().startsWith("タンク水位")
                || daily.getRow(3).getCell(1).getStringCellValue().contains("[m]"), daily.getRow(3).getCell(1).toString());
        assertEquals("平均", daily.getRow(4).getCell(1).getStringCellValue());
        List<List<Double>> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            Instant from = DAY.atTime(h, 0).atZone(JAPAN).toInstant();
            hours.add(expectedRow(from, from.plusSeconds(3600)));
            assertEquals(h + ":00", daily.getRow(FIRST_ROW + h).getCell(0).getStringCellValue());
            assertRow(daily, FIRST_ROW + h, hours.get(h), "hour " + h);
        }
        assertNull(hours.get(3).get(0), "the test leaves hour 3 without samples");
        assertEquals("欠測", daily.getRow(FIRST_ROW + 3).getCell(1).getStringCellValue());
        assertEquals(60.0, hours.get(1).get(3), "increase since the day before's last reading, computed here");
        assertSummaries(daily, FIRST_ROW + 24, hours);
        assertEquals("0.00", daily.getRow(FIRST_ROW + 1).getCell(1).getCellStyle().getDataFormatString().replace("#,##", ""),
                "the point's two decimals");

        viewer.get(reportUrl("MONTHLY", DAY));
        Sheet monthly = xlsx(viewer);
        assertEquals("日付", monthly.getRow(3).getCell(0).getStringCellValue());
        YearMonth month = YearMonth.from(DAY);
        List<List<Double>> days = new ArrayList<>();
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            days.add(expectedRow(date.atStartOfDay(JAPAN).toInstant(), date.plusDays(1).atStartOfDay(JAPAN).toInstant()));
            Cell first = monthly.getRow(FIRST_ROW + d - 1).getCell(0);
            assertTrue(DateUtil.isCellDateFormatted(first), "days are date cells");
            assertEquals(date, first.getLocalDateTimeCellValue().toLocalDate());
            assertRow(monthly, FIRST_ROW + d - 1, days.get(d - 1), date.toString());
        }
        assertTrue(days.stream().anyMatch(r -> r.get(0) == null), "a day without samples is 欠測");
        assertSummaries(monthly, FIRST_ROW + month.lengthOfMonth(), days);

        viewer.get(reportUrl("YEARLY", DAY));
        Sheet yearly = xlsx(viewer);
        List<List<Double>> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(DAY.getYear(), m);
            months.add(expectedRow(ym.atDay(1).atStartOfDay(JAPAN).toInstant(),
                    ym.plusMonths(1).atDay(1).atStartOfDay(JAPAN).toInstant()));
            assertRow(yearly, FIRST_ROW + m - 1, months.get(m - 1), ym.toString());
        }
        assertTrue(months.stream().anyMatch(r -> r.get(0) == null), "a month without samples is 欠測");
        assertNotNull(months.get(DAY.getMonthValue() - 1).get(0));
        assertSummaries(yearly, FIRST_ROW + 12, months);
    }

    @Test
    @Order(4)
    void pdfAndCsvExportsAreReadableAndEveryExportIsAudited() throws Exception {
        PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());
        viewer.get(reportUrl("DAILY", DAY));

        HttpResponse<byte[]> pdf = viewer.download("export", "pdf", Map.of());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PDPage page = document.getPage(0);
            boolean turned = page.getRotation() % 180 != 0;
            float width = turned ? page.getMediaBox().getHeight() : page.getMediaBox().getWidth();
            float height = turned ? page.getMediaBox().getWidth() : page.getMediaBox().getHeight();
            assertEquals(842, Math.round(width), "A4 landscape: " + page.getMediaBox() + " rotated " + page.getRotation());
            assertEquals(595, Math.round(height), "A4 landscape");
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("西町ポンプ場 日報") && text.contains("欠測") && text.contains("合計"), text);
            assertTrue(text.contains("1.25"), "hour 1's average of 1.0 and 1.5: " + text);
            boolean embedded = false;
            for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                embedded |= font.isEmbedded() && font.getName().contains("IPAexGothic");
            }
            assertTrue(embedded, "the Japanese font is embedded");
        }

        viewer.get(reportUrl("DAILY", DAY));
        HttpResponse<byte[]> csv = viewer.download("export", "csv", Map.of());
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with BOM");
        List<String[]> lines = new ArrayList<>();
        new java.io.BufferedReader(new StringReader(text.substring(1))).lines().forEach(l -> lines.add(l.split(",", -1)));
        assertEquals("時刻", lines.get(1)[0]);
        assertEquals(List.of("1:00", "1.25", "1.50", "1.00", "60"), List.of(lines.get(4)));
        assertEquals(List.of("3:00", "欠測", "欠測", "欠測", "欠測"), List.of(lines.get(6)));
        assertEquals("合計", lines.get(lines.size() - 1)[0]);

        AuditProbe.flush();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT parameters FROM audit_record"
                + " WHERE principal = 'demo.viewer' AND operation = 'data_export' AND target = ? AND outcome = 'OK'")) {
            q.setString(1, "facility=" + facilityId(FACILITY));
            List<String> exports = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    exports.add(r.getString(1));
                }
            }
            assertTrue(exports.stream().anyMatch(p -> p.contains("format=PDF")) && exports.stream()
                    .anyMatch(p -> p.contains("format=CSV")) && exports.stream().anyMatch(p -> p.contains("format=XLSX")),
                    exports.toString());
        }
    }

    @Test
    @Order(5)
    void anotherOrganisationGetsNotFoundForTheReportAndItsExports() throws Exception {
        long facility = facilityId(FACILITY);
        PageClient other = PageClient.signedIn(ReportITFixture.OTHER_ADMIN, ReportITFixture.PASSWORD);
        String page = other.get("app/reports.xhtml?facility=" + facility + "&kind=DAILY&date=" + DAY).body();
        assertTrue(page.contains("その施設は見つかりません。"), page);
        assertFalse(page.contains("西町ポンプ場") || page.contains("report-table"), page);
        String layout = other.get("app/admin/report-layout.xhtml?facility=" + facility).body();
        assertTrue(layout.contains("その施設は見つかりません。") && !layout.contains("LI-TANK"), layout);

        for (String call : new String[] {"report?kind=DAILY&facility=" + facility, "export?format=XLSX&facility=" + facility,
            "export?format=PDF&facility=" + facility, "export?format=CSV&facility=" + facility}) {
            HttpResponse<String> refused = probe(ReportITFixture.OTHER_ADMIN, ReportITFixture.PASSWORD, call);
            assertEquals(404, refused.statusCode(), call + ": " + refused.body());
            assertTrue(refused.body().contains("FacilityNotFoundException"), refused.body());
        }
        HttpResponse<String> own = probe("demo.viewer", stack().demo().password(), "report?kind=DAILY&facility=" + facility);
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("西町ポンプ場", own.body());
    }

    @Test
    @Order(6)
    void theReportPageInJapaneseAndEnglishInABrowser() throws Exception {
        for (String[] language : new String[][] {{"ja-JP", "西町ポンプ場 日報", "欠測", "合計", "Excel（XLSX）"},
            {"en-US", "西町ポンプ場 Daily report", "missing", "Total", "Excel (XLSX)"}}) {
            WebDriver browser = Browser.open(language[0]);
            try {
                Browser.signIn(browser, "demo.operator", stack().demo().password());
                browser.get(stack().operatorUrl(reportUrl("DAILY", DAY)).toString());
                Browser.waitFor(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.id("report-table")));
                String title = browser.findElement(By.id("report-title")).getText();
                assertTrue(title.startsWith(language[1]), title);
                String table = browser.findElement(By.id("report-table")).getText();
                assertTrue(table.contains(language[2]) && table.contains(language[3]) && table.contains("1.25"), table);
                assertTrue(browser.findElement(By.id("export")).getText().contains(language[4]));
                assertFalse(browser.getPageSource().contains("???"), "a missing text key");
                Browser.screenshot(browser, "report-daily-" + language[0].substring(0, 2));

                // a monthly report chosen on the page, without reloading it
                browser.findElement(By.xpath("//div[@id='choose:kind']//span[text()='"
                        + (language[0].startsWith("ja") ? "月報" : "Monthly report") + "']/..")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.presenceOfElementLocated(By.id("choose:month_input")));
                browser.findElement(By.id("choose:show")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"),
                        language[0].startsWith("ja") ? "月報" : "Monthly report"));
                Browser.waitFor(browser, 20).until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
                assertTrue(browser.findElement(By.id("report-table")).getText().contains(
                        language[0].startsWith("ja") ? "日付" : "Date"));
                Browser.screenshot(browser, "report-monthly-" + language[0].substring(0, 2));
            } finally {
                browser.quit();
            }
        }
        WebDriver admin = Browser.open("ja-JP");
        try {
            Browser.signIn(admin, "demo.admin", stack().demo().password());
            admin.get(stack().operatorUrl("app/admin/report-layout.xhtml?facility=" + facilityId(FACILITY)).toString());
            Browser.waitFor(admin, 20).until(ExpectedConditions.presenceOfElementLocated(By.id("columns:list")));
            assertTrue(admin.findElement(By.id("columns:list")).getText().contains("LI-TANK"));
            Browser.screenshot(admin, "report-layout-ja");
        } finally {
            admin.quit();
        }
    }

    /**
     * A facility and a point named like a formula in full-width signs, which Japanese Excel runs, come
     * back from the real downloads as text with the apostrophe in front, in XLSX (read with POI) and CSV.
     */
    @Test
    @Order(7)
    void namesThatStartLikeFormulasAreExportedAsText() throws Exception {
        long facility = facilityId(FACILITY);
        long point = pointId(FACILITY, LEVEL);
        String facilityName = name("facility", facility);
        String pointName = name("measurement_point", point);
        try {
            rename("facility", facility, "＠SUM(A1)");
            rename("measurement_point", point, "＝1+1");
            PageClient viewer = PageClient.signedIn("demo.viewer", stack().demo().password());
            viewer.get(reportUrl("DAILY", DAY));
            Sheet sheet = xlsx(viewer);
            assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().startsWith("'＠SUM(A1) "),
                    sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("'＝1+1 [m]", sheet.getRow(FIRST_ROW - 2).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, sheet.getRow(FIRST_ROW - 2).getCell(1).getCellType());

            viewer.get(reportUrl("DAILY", DAY));
            HttpResponse<byte[]> csv = viewer.download("export", "csv", Map.of());
            assertEquals(200, csv.statusCode());
            List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
            assertTrue(lines.get(0).startsWith("'＠SUM(A1) "), lines.get(0));
            assertEquals("'＝1+1 [m]", lines.get(1).split(",")[1]);
        } finally {
            rename("facility", facility, facilityName);
            rename("measurement_point", point, pointName);
        }
    }

    private static String name(String table, long id) throws Exception {
        try (Connection c = stack().connect();
                PreparedStatement q = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void rename(String table, long id, String name) throws Exception {
        try (Connection c = stack().connect();
                PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET name = ? WHERE id = ?")) {
            u.setString(1, name);
            u.setLong(2, id);
            assertEquals(1, u.executeUpdate());
        }
    }

    // --- what the test computes itself from the samples it posted

    /** Per layout column: the value the report must show for the period, null for 欠測. */
    private static List<Double> expectedRow(Instant from, Instant to) {
        List<Double> row = new ArrayList<>();
        for (String[] column : LAYOUT) {
            row.add(expected(column[0], Statistic.valueOf(column[1]), from, to));
        }
        return row;
    }

    private static Double expected(String point, Statistic statistic, Instant from, Instant to) {
        NavigableMap<Instant, Double> all = POSTED.get(point);
        Map<Instant, Double> in = all.subMap(from, true, to, false);
        if (in.isEmpty()) {
            return null;
        }
        return switch (statistic) {
            case AVERAGE -> in.values().stream().mapToDouble(d -> d).average().orElseThrow();
            case MAXIMUM -> in.values().stream().mapToDouble(d -> d).max().orElseThrow();
            case MINIMUM -> in.values().stream().mapToDouble(d -> d).min().orElseThrow();
            // each reading's increase over the reading before it (the counter never resets here)
            case DELTA -> in.entrySet().stream().mapToDouble(e -> {
                Map.Entry<Instant, Double> before = all.lowerEntry(e.getKey());
                return before == null ? 0 : e.getValue() - before.getValue();
            }).sum();
        };
    }

    private static void assertRow(Sheet sheet, int row, List<Double> expected, String what) {
        for (int c = 0; c < expected.size(); c++) {
            Cell cell = sheet.getRow(row).getCell(c + 1);
            if (expected.get(c) == null) {
                assertEquals(CellType.STRING, cell.getCellType(), what + " column " + c);
                assertEquals("欠測", cell.getStringCellValue(), what + " column " + c);
            } else {
                assertEquals(CellType.NUMERIC, cell.getCellType(), what + " column " + c);
                assertEquals(expected.get(c), cell.getNumericCellValue(), 1e-9, what + " column " + c);
            }
        }
    }

    /** Average, maximum, minimum of the rows' values that are there; a total only for the counter. */
    private static void assertSummaries(Sheet sheet, int firstSummaryRow, List<List<Double>> rows) {
        String[] labels = {"平均", "最大", "最小", "合計"};
        for (int s = 0; s < labels.length; s++) {
            assertEquals(labels[s], sheet.getRow(firstSummaryRow + s).getCell(0).getStringCellValue());
            for (int c = 0; c < LAYOUT.length; c++) {
                int column = c;
                double[] present = rows.stream().map(r -> r.get(column)).filter(v -> v != null).mapToDouble(d -> d).toArray();
                Cell cell = sheet.getRow(firstSummaryRow + s).getCell(c + 1);
                if (s == 3 && !"DELTA".equals(LAYOUT[c][1])) {
                    assertEquals("", cell.getStringCellValue(), "no total of " + LAYOUT[c][1]);
                    continue;
                }
                double expected = switch (s) {
                    case 0 -> java.util.Arrays.stream(present).average().orElseThrow();
                    case 1 -> java.util.Arrays.stream(present).max().orElseThrow();
                    case 2 -> java.util.Arrays.stream(present).min().orElseThrow();
                    default -> java.util.Arrays.stream(present).sum();
                };
                assertEquals(expected, cell.getNumericCellValue(), 1e-9, labels[s] + " column " + c);
            }
        }
    }

    private static Sheet xlsx(PageClient client) throws IOException, InterruptedException {
        HttpResponse<byte[]> file = client.download("export", "xlsx", Map.of());
        assertEquals(200, file.statusCode());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"), file.headers().toString());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            return book.getSheetAt(0);
        }
    }

    private static Map<String, String> layoutFields() throws Exception {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < LAYOUT.length; i++) {
            fields.put("list:" + i + ":point_input", String.valueOf(pointId(FACILITY, LAYOUT[i][0])));
            fields.put("list:" + i + ":statistic_input", LAYOUT[i][1]);
        }
        return fields;
    }

    private static int count(String page, String regex) {
        return (int) java.util.regex.Pattern.compile("name=\"" + regex + "\"").matcher(page).results().count();
    }

    private static String reportUrl(String kind, LocalDate date) throws Exception {
        return "app/reports.xhtml?facility=" + facilityId(FACILITY) + "&kind=" + kind + "&date=" + date;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(JAPAN).toInstant();
    }

    private static List<String> storedLayout() throws Exception {
        List<String> items = new ArrayList<>();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT point_id, statistic FROM"
                + " report_layout_item WHERE facility_id = ? ORDER BY position")) {
            q.setLong(1, facilityId(FACILITY));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    items.add(r.getLong(1) + ":" + r.getString(2));
                }
            }
        }
        return items;
    }

    private static String layoutByService(String login, String password, long facility, String items) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(probeUri("layout?facility=" + facility + "&items=" + items))
                .header("Authorization", basic(login, password)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }

    private static HttpResponse<String> probe(String login, String password, String call) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(probeUri(call)).header("Authorization", basic(login, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI probeUri(String call) {
        return stack().operatorUrl("audit-probe/reports/" + call);
    }

    private static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long facilityId(String code) throws Exception {
        return id("SELECT id FROM facility WHERE code = ?", code);
    }

    static long pointId(String facility, String point) throws Exception {
        return id("SELECT p.id FROM measurement_point p JOIN facility f ON f.id = p.facility_id WHERE f.code = ? AND p.code = ?",
                facility, point);
    }

    private static long id(String sql, String... args) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), sql + " " + List.of(args));
                return r.getLong(1);
            }
        }
    }

    private static void post(String point, Map<Instant, Double> values) throws Exception {
        POSTED.put(point, new TreeMap<>(values));
        StringBuilder samples = new StringBuilder();
        values.forEach((t, v) -> samples.append(samples.isEmpty() ? "" : ",").append("{\"point\": \"").append(point)
                .append("\", \"time\": \"").append(t).append("\", \"value\": ").append(v).append('}'));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"device\": \"" + DEVICE + "\", \"samples\": [" + samples + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\":" + values.size()), r.body());
    }
}
