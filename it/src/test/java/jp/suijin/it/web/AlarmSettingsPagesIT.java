package jp.suijin.it.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.alarm.AlarmSettingsITFixture;
import jp.suijin.it.alarm.AlarmSettingsProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator edits a facility's alarm settings and recipient groups through the pages, in
 * Japanese and in English: a limit outside the range is answered at its field, a valid one is saved,
 * shelving asks for a reason and then shows until when, a group is added; another organisation's
 * facility is not found.
 */
class AlarmSettingsPagesIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return AlarmSettingsProbe.deployment();
    }

    @Test
    void administratorEditsAlarmSettingsAndRecipientsInJapaneseAndEnglish() throws Exception {
        String facility = id("ALM-UI");
        String foreign = id("ALM-B");
        for (Language l : new Language[] {
            new Language("ja-JP", "ja", "警報設定", "警報値: -1〜11 の範囲で入力してください", "計測点 LI の警報設定を保存しました",
                    "理由: シェルブする理由", "シェルブ中 (〜", "宛先グループ 当直 ja を追加しました", "ページが見つかりません",
                    "理由: 停止する理由", "停止の理由: "),
            new Language("en-US", "en", "Alarm settings", "Limit: enter a value from -1 to 11",
                    "The alarm settings of point LI were saved", "Reason: a reason for shelving is required",
                    "Shelved (until", "The recipient group 当直 en was added", "Page not found",
                    "Reason: a reason for disabling is required", "Reason for disabling: ")}) {
            WebDriver browser = Browser.open(l.browser);
            try {
                Browser.signIn(browser, AlarmSettingsITFixture.PAGES_ADMIN, AlarmSettingsITFixture.PASSWORD);
                browser.get(stack().operatorUrl("app/admin/facility.xhtml?id=" + facility).toString());
                browser.findElement(By.id("alarmSettingsLink")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/admin/alarm-settings.xhtml"));
                assertTrue(browser.getTitle().contains(l.title), browser.getTitle());
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the alarm settings page");
                Browser.screenshot(browser, "alarm-settings-" + l.suffix);

                openDialog(browser, "points:list:0:edit", "pointForm:high");
                type(browser, "pointForm:high", "20");
                click(browser, "pointForm:save");
                String dialog = browser.findElement(By.id("pointForm")).getText();
                assertTrue(dialog.contains(l.outsideRange), dialog);
                assertTrue(browser.findElement(By.id("pointForm:high")).getAttribute("class").contains("ui-state-error"),
                        "the refused limit is marked");
                Browser.screenshot(browser, "alarm-settings-refused-" + l.suffix);
                type(browser, "pointForm:high", "8");
                type(browser, "pointForm:low", "2");
                click(browser, "pointForm:save");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("pointDialog")));
                assertTrue(messages(browser).contains(l.saved), messages(browser));
                String row = browser.findElement(By.id("points:list")).getText();
                assertTrue(row.contains("H8") && row.contains("L2"), row); // the spacing is CSS, not text

                openDialog(browser, "devices:list:0:edit", "deviceForm:commLossMinutes");
                type(browser, "deviceForm:commLossMinutes", "10");
                click(browser, "deviceForm:save");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("deviceDialog")));
                openDialog(browser, "devices:list:0:shelve", "shelveForm:shelveReason");
                click(browser, "shelveForm:save");
                String shelve = browser.findElement(By.id("shelveForm")).getText();
                assertTrue(shelve.contains(l.reasonRequired), shelve);
                type(browser, "shelveForm:shelveReason", "回線工事 " + l.suffix);
                click(browser, "shelveForm:save");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("shelveDialog")));
                String devices = browser.findElement(By.id("devices:list")).getText();
                assertTrue(devices.contains(l.shelved) && devices.contains("JST") && devices.contains("回線工事 " + l.suffix),
                        devices);
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the alarm settings page");
                Browser.screenshot(browser, "alarm-settings-shelved-" + l.suffix);
                click(browser, "devices:list:0:unshelve");

                // disabling asks for a reason too, and the list shows it while disabled
                openDialog(browser, "points:list:0:disable", "disableForm:disableReason");
                click(browser, "disableForm:save");
                String disable = browser.findElement(By.id("disableForm")).getText();
                assertTrue(disable.contains(l.disableReasonRequired), disable);
                type(browser, "disableForm:disableReason", "計器交換 " + l.suffix);
                click(browser, "disableForm:save");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("disableDialog")));
                String points = browser.findElement(By.id("points:list")).getText();
                assertTrue(points.contains(l.disabledBecause + "計器交換 " + l.suffix), points);
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the alarm settings page");
                Browser.screenshot(browser, "alarm-settings-disabled-" + l.suffix);
                click(browser, "points:list:0:enable");
                assertFalse(browser.findElement(By.id("points:list")).getText().contains("計器交換 " + l.suffix));

                browser.findElement(By.id("recipientsLink")).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/admin/recipients.xhtml"));
                openDialog(browser, "toolbar:add", "groupForm:groupName");
                type(browser, "groupForm:groupName", "当直 " + l.suffix);
                click(browser, "groupForm:save");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("groupDialog")));
                assertTrue(messages(browser).contains(l.groupAdded), messages(browser));
                openDialog(browser, "groups:group:0:addMember", "memberForm:email");
                type(browser, "memberForm:email", "duty-" + l.suffix + "@example.jp");
                click(browser, "memberForm:addEmail");
                Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("memberDialog")));
                assertTrue(browser.findElement(By.id("groups")).getText().contains("duty-" + l.suffix + "@example.jp"));
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the recipients page");
                Browser.screenshot(browser, "recipients-" + l.suffix);

                for (String page : new String[] {"alarm-settings", "recipients"}) {
                    browser.get(stack().operatorUrl("app/admin/" + page + ".xhtml?facility=" + foreign).toString());
                    assertTrue(browser.getPageSource().contains(l.notFound), page);
                    assertFalse(browser.getPageSource().contains("ALM-B"), page);
                }
            } finally {
                browser.quit();
            }
        }
    }

    private record Language(String browser, String suffix, String title, String outsideRange, String saved,
            String reasonRequired, String shelved, String groupAdded, String notFound, String disableReasonRequired,
            String disabledBecause) {
    }

    private static void openDialog(WebDriver browser, String button, String field) {
        click(browser, button);
        Browser.waitFor(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id(field)));
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void click(WebDriver browser, String id) {
        browser.findElement(By.id(id)).click();
        settle(browser);
    }

    private static String messages(WebDriver browser) {
        return browser.findElement(By.id("messages")).getText();
    }

    private static void settle(WebDriver browser) {
        Browser.waitFor(browser, 20).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
    }

    private static String id(String facility) throws Exception {
        try (Connection c = stack().connect();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM facility WHERE code = ?")) {
            ps.setString(1, facility);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), facility);
                return rs.getString(1);
            }
        }
    }
}
