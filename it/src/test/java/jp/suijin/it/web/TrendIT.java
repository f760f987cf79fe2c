package jp.suijin.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.PageClient;
import jp.suijin.it.audit.AuditITFixture;
import jp.suijin.it.audit.AuditProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The trend page draws what the devices sent: the chart's buckets are checked against min, max and
 * mean computed here from the samples posted, from raw samples (a day) and from the hourly statistics
 * (30 days), and in the CSV; zooming asks the server for finer buckets; another organisation cannot
 * chart the point.
 */
class TrendIT extends IntegrationTest {

    private static final String DEVICE = "GS01-TM1";
    private static final String LEVEL = "LI-GRIT";
    private static final String AIR = "FI-AIR";
    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebDriver> browsers = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AuditProbe.deployment();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void chartBucketsMatchTheSamplesFromRawAndHourlyDataAndZoomRefines() throws Exception {
        // 150 one-minute samples ending a minute ago; values repeat every 7 minutes
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Map<Instant, Double> levels = new TreeMap<>();
        Map<Instant, Double> airFlows = new TreeMap<>();
        for (int i = 150; i >= 1; i--) {
            levels.put(end.minus(Duration.ofMinutes(i)), 2.0 + (i % 7) * 0.13);
            airFlows.put(end.minus(Duration.ofMinutes(i)), 40.0 + (i % 5));
        }
        post(levels, airFlows);
        AuditProbe.post("rollups");
        long level = pointId(LEVEL);
        long air = pointId(AIR);

        WebDriver browser = signIn("ja-JP", "demo.operator", stack().demo().password());
        browser.get(stack().operatorUrl("app/trend.xhtml?range=1d&points=" + level + "," + air).toString());
        Map<String, List<double[]>> day = datasets(browser);
        // a day in at most 800 buckets: 2-minute buckets of raw samples
        assertTrue(browser.findElement(By.cssSelector(".trend-meta")).getText().contains("計測値から 2 分ごと"),
                browser.findElement(By.cssSelector(".trend-meta")).getText());
        assertBuckets(expected(levels, Duration.ofMinutes(2)), day, "LI-GRIT", levels.keySet());
        assertBuckets(expected(airFlows, Duration.ofMinutes(2)), day, "FI-AIR", airFlows.keySet());
        Browser.screenshot(browser, "trend-day");

        browser.get(stack().operatorUrl("app/trend.xhtml?range=30d&points=" + level).toString());
        Map<String, List<double[]>> month = datasets(browser);
        assertTrue(browser.findElement(By.cssSelector(".trend-meta")).getText().contains("時間集計から 1 時間ごと"),
                browser.findElement(By.cssSelector(".trend-meta")).getText());
        assertBuckets(expected(levels, Duration.ofHours(1)), month, "LI-GRIT", levels.keySet());
        // the table, newest first, shows the same buckets with the point's two decimals
        DoubleSummaryStatistics newest = ((TreeMap<Long, DoubleSummaryStatistics>) expected(levels, Duration.ofHours(1)))
                .lastEntry().getValue();
        String firstRow = browser.findElement(By.cssSelector(".trend-table tbody tr")).getText();
        assertTrue(firstRow.contains(String.format(java.util.Locale.ROOT, "%.2f", newest.getAverage()))
                && firstRow.contains(String.format(java.util.Locale.ROOT, "%.2f – %.2f", newest.getMin(), newest.getMax())),
                firstRow);

        // the CSV holds the same buckets: BOM, headings in Japanese, Japan time, the point's decimals
        PageClient client = PageClient.signedIn("demo.operator", stack().demo().password());
        client.get("app/trend.xhtml?range=1d&points=" + level);
        HttpResponse<byte[]> csv = client.download("download", "csv", Map.of());
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF時刻,南浜浄化センター / 沈砂池水位 [m] 平均,"), text.substring(0, Math.min(200, text.length())));
        Map.Entry<Long, DoubleSummaryStatistics> bucket = ((TreeMap<Long, DoubleSummaryStatistics>)
                expected(levels, Duration.ofMinutes(2))).lastEntry();
        String line = JAPAN_TIME.format(Instant.ofEpochMilli(bucket.getKey())) + String.format(java.util.Locale.ROOT,
                ",%.2f,%.2f,%.2f,%d", bucket.getValue().getAverage(), bucket.getValue().getMin(), bucket.getValue().getMax(),
                bucket.getValue().getCount());
        assertTrue(text.contains("\r\n" + line + "\r\n"), line + " in\n" + text.substring(Math.max(0, text.length() - 400)));
        AuditProbe.flush();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM audit_record"
                + " WHERE principal = 'demo.operator' AND operation = 'data_export' AND target = 'trend' AND outcome = 'OK'")) {
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next() && r.getInt(1) >= 1, "the export is recorded");
            }
        }

        // drag across the middle of the chart: the page asks for that range and gets finer buckets
        browser.get(stack().operatorUrl("app/trend.xhtml?range=6h&points=" + level).toString());
        datasets(browser);
        String before = browser.findElement(By.cssSelector(".trend-meta")).getText();
        WebElement canvas = browser.findElement(By.cssSelector(".ui-chart canvas"));
        int width = canvas.getSize().getWidth();
        new Actions(browser).moveToElement(canvas, width / 3, 0).clickAndHold()
                .moveByOffset(width / 12, 0).release().perform();
        Browser.waitFor(browser, 20).until(d -> !d.findElement(By.cssSelector(".trend-meta")).getText().equals(before));
        String after = browser.findElement(By.cssSelector(".trend-meta")).getText();
        // six hours in 30-second buckets; the dragged half hour in 5-second ones
        assertTrue(before.contains("計測値から 30 秒ごと") && after.contains("計測値から 5 秒ごと"), before + " -> " + after);
        Browser.screenshot(browser, "trend-zoomed");
    }

    @Test
    void aPointOfAnotherOrganisationIsNotFoundAndNothingIsDrawn() throws Exception {
        long level = pointId(LEVEL);
        WebDriver stranger = signIn("en-US", AuditITFixture.OPERATOR, AuditITFixture.PASSWORD);
        stranger.get(stack().operatorUrl("app/trend.xhtml?range=1d&points=" + level).toString());
        WebElement error = Browser.waitFor(stranger, 20)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(error.getText().contains("no longer exists or is not yours to see"), error.getText());
        assertTrue(stranger.findElements(By.cssSelector(".ui-chart")).isEmpty(), "no chart for a stranger's point");
        String choices = (String) ((JavascriptExecutor) stranger).executeScript(
                "return Array.from(document.querySelectorAll('#trend\\\\:points_input option')).map(o => o.text).join('|');");
        assertFalse(choices.contains("LI-GRIT") || choices.contains("着水井"), choices);

        stranger.get(stack().operatorUrl("app/facility.xhtml?id=" + facilityId()).toString());
        assertTrue(stranger.getTitle().startsWith("Page not found"), stranger.getTitle());
        assertFalse(stranger.getPageSource().contains("南浜浄化センター"), "another organisation's facility page");
        // a malformed id is answered the same way, never with an error page
        stranger.get(stack().operatorUrl("app/facility.xhtml?id=abc").toString());
        assertTrue(stranger.getTitle().startsWith("Page not found"), stranger.getTitle());
    }

    @Test
    void tooManyPointsOrABadRangeAreRefusedWithAMessage() throws Exception {
        StringBuilder nine = new StringBuilder();
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT p.id FROM"
                + " measurement_point p JOIN field_device d ON d.id = p.device_id WHERE d.code = ? LIMIT 9")) {
            q.setString(1, DEVICE);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    nine.append(nine.isEmpty() ? "" : ",").append(r.getLong(1));
                }
            }
        }
        WebDriver browser = signIn("en-US", "demo.viewer", stack().demo().password());
        browser.get(stack().operatorUrl("app/trend.xhtml?range=1d&points=" + nine).toString());
        assertTrue(Browser.waitFor(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ui-messages-error"))).getText().contains("At most 8 measurement points"));

        browser.get(stack().operatorUrl("app/trend.xhtml?range=1d&points=" + pointId(LEVEL)).toString());
        datasets(browser);
        WebElement from = browser.findElement(By.id("trend:from_input"));
        WebElement to = browser.findElement(By.id("trend:to_input"));
        String end = to.getAttribute("value");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", from, end);
        browser.findElement(By.id("trend:show")).click();
        assertTrue(Browser.waitFor(browser, 20).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".ui-messages-error"))).getText().contains("the end must be after the start"));
        Browser.screenshot(browser, "trend-refused-en");
    }

    /** Waits for the chart, then returns its datasets by label: [x ms, y] pairs. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<double[]>> datasets(WebDriver browser) {
        Browser.waitFor(browser, 30).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !!window.PrimeFaces && Object.values(PrimeFaces.widgets).some(w => w && w.chart)"
                + " && PrimeFaces.ajax.Queue.isEmpty();"));
        List<Map<String, Object>> raw = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript(
                "const w = Object.values(PrimeFaces.widgets).find(w => w && w.chart);"
                + "return w.chart.data.datasets.map(d => ({label: d.label, data: d.data.map(p => [p.x, p.y])}));");
        Map<String, List<double[]>> byLabel = new TreeMap<>();
        for (Map<String, Object> dataset : raw) {
            List<double[]> points = new ArrayList<>();
            for (List<Number> p : (List<List<Number>>) dataset.get("data")) {
                points.add(new double[] {p.get(0).doubleValue(), p.get(1).doubleValue()});
            }
            byLabel.put((String) dataset.get("label"), points);
        }
        return byLabel;
    }

    /** Bucket start (ms) to min, max, mean of the samples in it; buckets aligned to the epoch (JST is +9 h). */
    private static Map<Long, DoubleSummaryStatistics> expected(Map<Instant, Double> samples, Duration bucket) {
        Map<Long, DoubleSummaryStatistics> buckets = new TreeMap<>();
        long size = bucket.toMillis();
        samples.forEach((t, v) -> buckets.computeIfAbsent(Math.floorDiv(t.toEpochMilli(), size) * size,
                k -> new DoubleSummaryStatistics()).accept(v));
        return buckets;
    }

    private static void assertBuckets(Map<Long, DoubleSummaryStatistics> expected, Map<String, List<double[]>> chart,
            String code, java.util.Set<Instant> posted) {
        long first = posted.iterator().next().toEpochMilli();
        long last = posted.stream().mapToLong(Instant::toEpochMilli).max().orElseThrow();
        String label = chart.keySet().stream().filter(l -> l.contains(nameOf(code)))
                .filter(l -> !l.endsWith(" max") && !l.endsWith(" min")).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not among " + chart.keySet()));
        for (String[] statistic : new String[][] {{"", "mean"}, {" max", "max"}, {" min", "min"}}) {
            Map<Long, Double> drawn = new TreeMap<>();
            for (double[] p : chart.get(label + statistic[0])) {
                // only the buckets this test filled: others may hold other tests' samples
                if (p[0] >= first - 3_600_000 && p[0] <= last) {
                    drawn.put((long) p[0], p[1]);
                }
            }
            Map<Long, Double> wanted = new TreeMap<>();
            expected.forEach((start, s) -> wanted.put(start, switch (statistic[1]) {
                case "max" -> s.getMax();
                case "min" -> s.getMin();
                default -> s.getAverage();
            }));
            assertEquals(wanted.keySet(), drawn.keySet(), code + " " + statistic[1] + " buckets");
            wanted.forEach((start, v) -> assertEquals(v, drawn.get(start), 1e-9, code + " " + statistic[1] + " at " + start));
        }
    }

    private static String nameOf(String code) {
        return code.equals(LEVEL) ? "沈砂池水位" : "送風量";
    }

    private WebDriver signIn(String language, String login, String password) {
        WebDriver browser = Browser.open(language);
        browsers.add(browser);
        Browser.signIn(browser, login, password);
        return browser;
    }

    private void post(Map<Instant, Double> levels, Map<Instant, Double> airFlows) throws Exception {
        StringBuilder body = new StringBuilder("{\"device\": \"" + DEVICE + "\", \"samples\": [");
        String sep = "";
        for (Map.Entry<Instant, Double> e : levels.entrySet()) {
            body.append(sep).append("{\"point\": \"" + LEVEL + "\", \"time\": \"" + e.getKey() + "\", \"value\": "
                    + e.getValue() + "}");
            sep = ",";
            body.append(",{\"point\": \"" + AIR + "\", \"time\": \"" + e.getKey() + "\", \"value\": "
                    + airFlows.get(e.getKey()) + "}");
        }
        body.append("]}");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken(DEVICE))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"accepted\":300"), r.body());
    }

    private static long pointId(String code) throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement("SELECT p.id FROM"
                + " measurement_point p JOIN field_device d ON d.id = p.device_id WHERE d.code = ? AND p.code = ?")) {
            q.setString(1, DEVICE);
            q.setString(2, code);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), code);
                return r.getLong(1);
            }
        }
    }

    private static long facilityId() throws Exception {
        try (Connection c = stack().connect(); PreparedStatement q = c.prepareStatement(
                "SELECT facility_id FROM field_device WHERE code = ?")) {
            q.setString(1, DEVICE);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                return r.getLong(1);
            }
        }
    }
}
