package jp.suijin.it.alarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.web.Browser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium, in Japanese and English: an operator watches the dashboard, alarms rise (rows as the
 * evaluation writes them, published through the real AlarmBroadcast after their commit) and the banner
 * appears and changes within two seconds without a reload; the banner leads to the alarm list, where one
 * alarm is acknowledged on its own and two together, each time with a comment, and the banner follows
 * through the acknowledgements' own pushes until it goes; the history shows the comments and downloads.
 */
class AlarmPagesIT extends IntegrationTest {

    private static final By BANNER = By.cssSelector(".alarm-banner");
    private static final Duration PUSH_LIMIT = Duration.ofSeconds(2);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AlarmProbe.deployment();
    }

    @Test
    void theBannerFollowsAlarmsWithoutReloadAndTheListAcknowledgesThem() throws Exception {
        for (Language l : new Language[] {
            new Language("ja-JP", "ja", "未確認の警報 1 件", "未確認の警報 2 件", "上限", "重故障", "警報 1 件を確認しました",
                    "警報 2 件を確認しました", "件を書き出しました"),
            new Language("en-US", "en", "1 unacknowledged alarm(s)", "2 unacknowledged alarm(s)", "High", "Major",
                    "1 alarm(s) acknowledged", "2 alarm(s) acknowledged", "alarm(s) exported.")}) {
            WebDriver browser = Browser.open(l.browser);
            List<Long> open = new ArrayList<>();
            try {
                Browser.signIn(browser, AlarmITFixture.PAGES_OPERATOR, AlarmITFixture.PASSWORD);
                assertTrue(browser.findElements(BANNER).isEmpty(), "a banner with no alarm");
                // the push has no replay: raise nothing before the page's socket is open
                Browser.waitFor(browser, 10).until(d -> "open".equals(script(d,
                        "return document.documentElement.getAttribute('data-alarm-push')")));
                script(browser, "window.notReloaded = true;");

                long first = raise(open, "LI", "HIGH", "MAJOR", 8.76, 8.0);
                pushAndWaitForBanner(browser, first, l.suffix + " first");
                String banner = browser.findElement(BANNER).getText();
                for (String expected : new String[] {l.one, "画面 八雲浄水場", "浄水池水位", l.kind, l.severity}) {
                    assertTrue(banner.contains(expected), expected + " not in " + banner);
                }
                long second = raise(open, "TU", "HIGH", "MINOR", 2.4, 2.0);
                pushAndWaitForBanner(browser, second, l.suffix + " second");
                assertTrue(browser.findElement(BANNER).getText().contains(l.two));
                assertTrue(browser.findElement(BANNER).getDomAttribute("class").contains("severity-MINOR"));
                assertEquals(Boolean.TRUE, script(browser, "return window.notReloaded === true"), "the page was reloaded");
                assertNoMissingText(browser, "dashboard");
                Browser.screenshot(browser, "alarm-banner-" + l.suffix);
                // the facility's card counts its alarms needing attention, brought by the dashboard's poll
                Browser.waitFor(browser, 15).until(d -> d.findElements(
                        By.cssSelector("section[data-facility='ITU-1'] a.alarm-count.active")).stream()
                        .anyMatch(e -> e.getText().contains("2")));

                browser.findElement(BANNER).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/alarms.xhtml"));
                Browser.waitFor(browser, 10).until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("alarms:list:0:ack")));
                assertNoMissingText(browser, "alarm list");
                Browser.screenshot(browser, "alarms-" + l.suffix);

                // one alarm: the newest, first in the list
                browser.findElement(By.id("alarms:list:0:ack")).click();
                acknowledgeInDialog(browser, "現地確認済み / checked on site", l.acknowledgedOne, "alarms-acknowledge-" + l.suffix);
                waitForBanner(browser, first, Duration.ofSeconds(5));
                assertTrue(browser.findElement(BANNER).getText().contains(l.one));

                // an alarm rising while the list is open joins it through the same push
                script(browser, "window.notReloaded = true;");
                long third = raise(open, "LI", "LOW_LOW", "MAJOR", 0.42, 0.5);
                pushAndWaitForBanner(browser, third, l.suffix + " on the list");
                Browser.waitFor(browser, 5).until(d -> d.findElements(By.cssSelector("#alarms\\:list tbody tr")).size() == 3);

                // the rest together: all rows selected, the acknowledged one is left out of the dialog's count
                browser.findElement(By.cssSelector("#alarms\\:list th.ui-selection-column .ui-chkbox-box")).click();
                browser.findElement(By.id("alarms:ackSelected")).click();
                acknowledgeInDialog(browser, "一括確認 / bulk check", l.acknowledgedTwo, null);
                Browser.waitFor(browser, 5).until(ExpectedConditions.invisibilityOfElementLocated(BANNER));
                assertEquals(Boolean.TRUE, script(browser, "return window.notReloaded === true"), "the list was reloaded");
                String list = browser.findElement(By.id("alarms:list")).getText();
                assertTrue(list.contains("現地確認済み") && list.contains("一括確認"), list);
                Browser.screenshot(browser, "alarms-acknowledged-" + l.suffix);

                Instant now = Instant.now();
                for (long id : open) {
                    AlarmProbe.clear(id, now, 5.0);
                }
                open.clear();
                browser.get(stack().operatorUrl("app/alarm-history.xhtml").toString());
                Browser.waitFor(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("records:list"), "一括確認"));
                assertTrue(browser.findElements(BANNER).isEmpty(), "a banner after everything was acknowledged");
                assertNoMissingText(browser, "history");
                Browser.screenshot(browser, "alarm-history-" + l.suffix);
                download(browser, "records", "filter:exportCsv", ".csv", l.exported);
                download(browser, "records", "filter:exportXlsx", ".xlsx", l.exported);
                assertEquals(List.of(), Browser.consoleErrors(browser), "errors in the browser's console");
            } finally {
                browser.quit();
                for (long id : open) {
                    AlarmProbe.clear(id, Instant.now(), 5.0); // the next language and suite need the points free
                }
            }
        }
    }

    /**
     * A push sent while the socket is down is lost. From the interruption OmniFaces reports until a push
     * arrives again, the page reads the banner itself every few seconds: an alarm raised with no push at
     * all still shows.
     */
    @Test
    void whileThePushIsInterruptedTheBannerIsReadByThePage() throws Exception {
        WebDriver browser = Browser.open("ja-JP");
        List<Long> open = new ArrayList<>();
        try {
            Browser.signIn(browser, AlarmITFixture.PAGES_OPERATOR, AlarmITFixture.PASSWORD);
            Browser.waitFor(browser, 10).until(d -> "open".equals(script(d,
                    "return document.documentElement.getAttribute('data-alarm-push')")));
            script(browser, "window.notReloaded = true;");
            // what OmniFaces calls when the connection drops, before it retries on its own
            script(browser, "Suijin.alarms.interrupted();");
            long alarm = raise(open, "LI", "HIGH", "MAJOR", 8.76, 8.0);
            waitForBanner(browser, alarm, Duration.ofSeconds(25));
            assertEquals(Boolean.TRUE, script(browser, "return window.notReloaded === true"), "the page was reloaded");
            assertEquals("reconnecting", script(browser, "return document.documentElement.getAttribute('data-alarm-push')"));
            assertEquals(List.of(), Browser.consoleErrors(browser), "errors in the browser's console");
        } finally {
            browser.quit();
            for (long id : open) {
                AlarmProbe.clear(id, Instant.now(), 5.0);
                AlarmProbe.acknowledge(id);
            }
        }
    }

    private static long raise(List<Long> open, String point, String kind, String severity, double value, double limit)
            throws Exception {
        long id = AlarmProbe.raise("ITU-1", point, kind, severity, Instant.now().truncatedTo(ChronoUnit.MILLIS), value,
                limit);
        open.add(id);
        return id;
    }

    /**
     * Publishes the alarm's rise and measures from its commit until the banner names it, which must be
     * within {@link #PUSH_LIMIT}.
     */
    private static void pushAndWaitForBanner(WebDriver browser, long alarm, String what) throws Exception {
        Instant committed = AlarmProbe.signal(AlarmITFixture.PAGES_OPERATOR, alarm, "RAISED");
        waitForBanner(browser, alarm, PUSH_LIMIT);
        Duration latency = Duration.between(committed, Instant.now());
        System.out.printf("AlarmPagesIT: banner showed alarm %d (%s) %d ms after its commit%n", alarm, what,
                latency.toMillis());
        assertTrue(latency.compareTo(PUSH_LIMIT) <= 0, "banner after " + latency.toMillis() + " ms");
    }

    private static void waitForBanner(WebDriver browser, long alarm, Duration limit) {
        // the banner is replaced by each refresh, so an element found may be gone a moment later
        new WebDriverWait(browser, limit, Duration.ofMillis(20)).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(BANNER).stream()
                .anyMatch(b -> b.isDisplayed() && String.valueOf(alarm).equals(b.getDomAttribute("data-alarm-id"))));
    }

    private static void acknowledgeInDialog(WebDriver browser, String comment, String done, String screenshot)
            throws Exception {
        WebElement box = Browser.waitFor(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ack:comment")));
        box.sendKeys(comment);
        if (screenshot != null) {
            Browser.screenshot(browser, screenshot);
        }
        browser.findElement(By.id("ack:confirm")).click();
        Browser.waitFor(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), done));
        Browser.waitFor(browser, 5).until(ExpectedConditions.invisibilityOfElementLocated(By.id("ackDialog")));
    }

    /** Downloads through the button and waits for the file and for the page's report of it. */
    private static void download(WebDriver browser, String form, String button, String suffix, String done)
            throws Exception {
        Path dir = Browser.downloads();
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.toString().endsWith(suffix)).toList()) {
                Files.delete(p);
            }
        }
        browser.findElement(By.id(button)).click();
        Browser.waitFor(browser, 20).until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.anyMatch(p -> p.toString().endsWith(suffix) && p.toFile().length() > 0);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Browser.waitFor(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), done));
        assertTrue(browser.findElement(By.id(form + ":list")).getText().contains("一括確認"), "the page broke after " + button);
    }

    private static void assertNoMissingText(WebDriver browser, String page) {
        assertFalse(browser.getPageSource().contains("???"), "a missing bundle key on the " + page);
    }

    private static Object script(WebDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private record Language(String browser, String suffix, String one, String two, String kind, String severity,
            String acknowledgedOne, String acknowledgedTwo, String exported) {
    }
}
