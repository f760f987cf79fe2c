package jp.suijin.it.alarm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.web.Browser;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Chromium, in Japanese and English: an operator watches the dashboard, an alarm rises (a row as the
 * evaluation writes it, published through the real AlarmBroadcast after its commit) and the banner
 * appears within two seconds without a reload; the banner leads to the alarm list, where the alarm is
 * acknowledged with a comment and the banner goes; the history shows it.
 */
class AlarmPagesIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AlarmProbe.deployment();
    }

    @Test
    void theBannerShowsARisingAlarmWithoutReloadAndTheListAcknowledgesIt() throws Exception {
        for (Language l : new Language[] {
            new Language("ja-JP", "ja", "LI", "未確認の警報 1 件", "上限", "重故障", "警報 1 件を確認しました"),
            new Language("en-US", "en", "TU", "1 unacknowledged alarm(s)", "High", "Major", "1 alarm(s) acknowledged")}) {
            WebDriver browser = Browser.open(l.browser);
            try {
                Browser.signIn(browser, AlarmITFixture.PAGES_OPERATOR, AlarmITFixture.PASSWORD);
                assertTrue(browser.findElements(By.id("alarmBanner:link")).isEmpty(), "a banner with no alarm");
                // the socket is open once the page has loaded OmniFaces' push script and connected
                Browser.waitFor(browser, 10).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return !!(window.OmniFaces && OmniFaces.Push)"));
                ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");
                Thread.sleep(500); // lets the web socket's handshake finish; the push has no replay

                long alarm = AlarmProbe.raise("ITU-1", l.point, "HIGH", "MAJOR",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), 8.76, 8.0);
                AlarmProbe.signal(AlarmITFixture.PAGES_OPERATOR, alarm, "RAISED");
                new WebDriverWait(browser, Duration.ofSeconds(2)).until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("alarmBanner:link")));
                assertTrue((Boolean) ((JavascriptExecutor) browser).executeScript("return window.notReloaded === true"),
                        "the page was reloaded");
                String banner = browser.findElement(By.id("alarmBanner:link")).getText();
                for (String expected : new String[] {l.count, "画面 八雲浄水場", l.kind, l.severity}) {
                    assertTrue(banner.contains(expected), expected + " not in " + banner);
                }
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the dashboard");
                Browser.screenshot(browser, "alarm-banner-" + l.suffix);

                browser.findElement(By.id("alarmBanner:link")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/alarms.xhtml"));
                Browser.waitFor(browser, 10).until(
                        ExpectedConditions.visibilityOfElementLocated(By.id("alarms:list:0:ack")));
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the alarm list");
                Browser.screenshot(browser, "alarms-" + l.suffix);
                browser.findElement(By.id("alarms:list:0:ack")).click();
                Browser.waitFor(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ack:comment")));
                browser.findElement(By.id("ack:comment")).sendKeys("現地確認済み / checked on site");
                Browser.screenshot(browser, "alarms-acknowledge-" + l.suffix);
                browser.findElement(By.id("ack:confirm")).click();
                Browser.waitFor(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("messages"), l.acknowledged));
                // the acknowledgement's own push takes the banner away
                Browser.waitFor(browser, 5).until(ExpectedConditions.invisibilityOfElementLocated(By.id("alarmBanner:link")));
                assertTrue(browser.findElement(By.id("alarms:list")).getText().contains("現地確認済み"));
                Browser.screenshot(browser, "alarms-acknowledged-" + l.suffix);

                AlarmProbe.clear(alarm, Instant.now(), 7.5);
                browser.get(stack().operatorUrl("app/alarm-history.xhtml").toString());
                Browser.waitFor(browser, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("records:list"), "現地確認済み"));
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the history");
                Browser.screenshot(browser, "alarm-history-" + l.suffix);
            } finally {
                browser.quit();
            }
        }
    }

    private record Language(String browser, String suffix, String point, String count, String kind, String severity,
            String acknowledged) {
    }
}
