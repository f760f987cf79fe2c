package jp.suijin.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import jp.suijin.it.IntegrationTest;
import jp.suijin.it.admin.ModelAdministrationITFixture;
import jp.suijin.it.admin.ModelAdministrationProbe;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An administrator sets up a facility, a field device and a measurement point through the pages, in
 * Japanese and in English: the token dialog shows a token the device API accepts, a new token
 * replaces it after a confirmation, and bad input is answered by name.
 */
class ModelAdministrationPagesIT extends IntegrationTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return ModelAdministrationProbe.deployment();
    }

    @Test
    void administratorSetsUpAFacilityThroughThePagesInJapaneseAndEnglish() throws Exception {
        for (Language l : new Language[] {
            new Language("ja-JP", "ja", "施設 UI-ja を追加しました", "施設コード: UI-ja はこの組織の別の施設で使われています",
                    "レンジ: 下限（10）は上限（5）より小さくしてください", "計測点 LI を追加しました"),
            new Language("en-US", "en", "Facility UI-en was added", "Facility code: UI-en is already used",
                    "Range: the low value (10) must be below the high value (5)", "Measurement point LI was added")}) {
            WebDriver browser = Browser.open(l.browser);
            try {
                Browser.signIn(browser, ModelAdministrationITFixture.PAGES_ADMIN, ModelAdministrationITFixture.PASSWORD);
                String code = "UI-" + l.suffix;
                browser.get(stack().operatorUrl("app/admin/facilities.xhtml").toString());
                createFacility(browser, code);
                assertTrue(messages(browser).contains(l.facilityAdded), messages(browser));
                createFacility(browser, code);
                assertTrue(messages(browser).contains(l.duplicate), messages(browser));
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the facilities page");
                Browser.screenshot(browser, "admin-facilities-" + l.suffix);

                browser.findElement(By.linkText(code)).click();
                Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/admin/facility.xhtml"));
                browser.findElement(By.id("device:code")).sendKeys(code + "-TM");
                browser.findElement(By.id("device:name")).sendKeys("UI " + l.suffix);
                browser.findElement(By.id("device:save")).click();
                String token = shownToken(browser);
                Browser.screenshot(browser, "admin-facility-token-" + l.suffix);
                closeToken(browser);
                assertEquals(200, post(code + "-TM", token), "the token shown is the device's token");

                point(browser, "LI2", "10", "5");
                assertTrue(messages(browser).contains(l.range), messages(browser));
                point(browser, "LI", "0", "5");
                assertTrue(messages(browser).contains(l.pointAdded), messages(browser));
                assertTrue(browser.findElement(By.id("points:list")).getText().contains("LI"));
                assertFalse(browser.findElement(By.id("points:list")).getText().contains("LI2"));
                assertFalse(browser.getPageSource().contains("???"), "a missing text on the facility page");
                Browser.screenshot(browser, "admin-facility-" + l.suffix);

                browser.findElement(By.id("devices:list:0:rotate")).click();
                Browser.waitFor(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("button.ui-confirmdialog-yes")));
                Browser.screenshot(browser, "admin-facility-rotate-" + l.suffix);
                browser.findElement(By.cssSelector("button.ui-confirmdialog-yes")).click();
                String rotated = shownToken(browser);
                closeToken(browser);
                assertNotEquals(token, rotated);
                assertEquals(401, post(code + "-TM", token), "the old token is refused");
                assertEquals(200, post(code + "-TM", rotated));
                assertFalse(browser.getPageSource().contains(rotated), "the token stays on the page after its dialog closed");
            } finally {
                browser.quit();
            }
        }
    }

    private record Language(String browser, String suffix, String facilityAdded, String duplicate, String range,
            String pointAdded) {
    }

    private static void createFacility(WebDriver browser, String code) {
        browser.findElement(By.id("facility:code")).clear();
        browser.findElement(By.id("facility:code")).sendKeys(code);
        browser.findElement(By.id("facility:name")).clear();
        browser.findElement(By.id("facility:name")).sendKeys("画面 " + code);
        browser.findElement(By.id("facility:save")).click();
        settle(browser);
    }

    private static void point(WebDriver browser, String code, String low, String high) {
        for (String[] field : new String[][] {{"point:code", code}, {"point:name", "水位 " + code},
            {"point:unit", "m"}, {"point:low", low}, {"point:high", high}}) {
            browser.findElement(By.id(field[0])).clear();
            browser.findElement(By.id(field[0])).sendKeys(field[1]);
        }
        browser.findElement(By.id("point:save")).click();
        settle(browser);
    }

    private static String shownToken(WebDriver browser) {
        settle(browser);
        Browser.waitFor(browser, 10).until(ExpectedConditions.visibilityOfElementLocated(By.id("tokenValue")));
        String token = browser.findElement(By.id("tokenValue")).getAttribute("value");
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        return token;
    }

    private static void closeToken(WebDriver browser) {
        browser.findElement(By.id("tokenForm:close")).click();
        settle(browser);
        Browser.waitFor(browser, 10).until(ExpectedConditions.invisibilityOfElementLocated(By.id("token")));
    }

    private static String messages(WebDriver browser) {
        return browser.findElement(By.id("messages")).getText();
    }

    private static void settle(WebDriver browser) {
        Browser.waitFor(browser, 20).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return PrimeFaces.ajax.Queue.isEmpty()"));
    }

    private static int post(String device, String token) throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        String body = "{\"device\":\"" + device + "\",\"samples\":[{\"point\":\"LI\",\"time\":\""
                + t.atOffset(ZoneOffset.ofHours(9)) + "\",\"value\":1}]}";
        HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(stack().deviceUrl("api/device/v1/samples"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
