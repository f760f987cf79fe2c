package jp.suijin.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.suijin.it.Deployments;
import jp.suijin.it.IntegrationTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An operator signs in with a real browser and watches current values arrive from a device. */
class DashboardIT extends IntegrationTest {

    private static final By VALUE_LI1 = By.cssSelector("section[data-facility='HY01'] tr[data-point='LI-1'] td.value");
    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.application();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open("ja-JP");
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void operatorSignsInAndSeesValuesChangeWithoutReload() throws Exception {
        Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
        postLevel("LI-1", t, "4.56");
        postLevel("LI-2", t.minusSeconds(20 * 60), "3.10");

        browser.get(stack().operatorUrl("").toString());
        Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("login.xhtml"));
        assertTrue(browser.getTitle().startsWith("ログイン"), browser.getTitle());
        Browser.screenshot(browser, "login");
        signIn("demo.operator", stack().demo().password());

        Browser.waitFor(browser, 30).until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        List<WebElement> facilities = browser.findElements(By.cssSelector("section.facility h2"));
        assertEquals(List.of("八雲浄水場", "東山配水池", "西町ポンプ場", "南浜浄化センター"),
                facilities.stream().map(WebElement::getText).toList());
        assertEquals("4.56", browser.findElement(VALUE_LI1).getText());
        // a value older than the communication timeout is marked as stale
        WebElement old = browser.findElement(By.cssSelector("section[data-facility='HY01'] tr[data-point='LI-2']"));
        assertTrue(old.getAttribute("class").contains("stale"), old.getAttribute("class"));
        assertTrue(!browser.findElement(By.cssSelector("tr[data-point='LI-1']")).getAttribute("class").contains("stale"));
        assertEquals("demo.operator", browser.findElement(By.cssSelector(".session .user")).getText());
        Browser.screenshot(browser, "dashboard");

        Object pageMarker = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("window.suijinMarker = 'same page'; return window.suijinMarker;");
        postLevel("LI-1", t.plusSeconds(10), "4.78");
        Browser.waitFor(browser, 30).until(ExpectedConditions.textToBe(VALUE_LI1, "4.78"));
        assertEquals(pageMarker, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.suijinMarker;"), "the value changed by a full reload");

        browser.findElement(By.linkText("マイアカウント")).click();
        Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/account.xhtml"));
        assertTrue(browser.getTitle().startsWith("マイアカウント"), browser.getTitle());
        Browser.screenshot(browser, "account");

        MimeMessage notice = stack().mail().await(m -> isSignInNotice(m, "operator@demo.suijin.test"), Duration.ofSeconds(20))
                .orElseThrow(() -> new AssertionError("no sign-in notice mail arrived"));
        String text = (String) notice.getContent();
        // the browser reached "localhost", over IPv4 or IPv6
        assertTrue(text.contains("demo.operator") && text.matches("(?s).*IPアドレス: (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)\\n.*"), text);
        assertFalse(text.contains(stack().demo().password()), "a mail must never carry the password");
    }

    @Test
    void wrongPasswordStaysOnTheLoginPageWithOneGeneralMessage() throws Exception {
        browser.get(stack().operatorUrl("login.xhtml").toString());
        signIn("demo.operator", "wrong-password-123");

        WebElement error = Browser.waitFor(browser, 20)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-messages-error")));
        assertTrue(error.getText().contains("ログインIDまたはパスワードが正しくない"), error.getText());
        assertTrue(browser.getCurrentUrl().contains("login.xhtml"));
        Browser.screenshot(browser, "login-failed");

        browser.get(stack().operatorUrl("app/dashboard.xhtml").toString());
        Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("login.xhtml"));
    }

    @Test
    void administratorSeesTheUsersOfTheOrganisation() throws Exception {
        browser.get(stack().operatorUrl("login.xhtml").toString());
        signIn("demo.admin", stack().demo().password());
        Browser.waitFor(browser, 30).until(ExpectedConditions.urlContains("/app/dashboard.xhtml"));
        browser.findElement(By.linkText("ユーザー管理")).click();
        Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/admin/users.xhtml"));
        String table = browser.findElement(By.id("users:list")).getText();
        assertTrue(table.contains("demo.operator") && table.contains("demo.viewer"), table);
        Browser.screenshot(browser, "admin-users");
        browser.findElement(By.linkText("セキュリティ設定")).click();
        Browser.waitFor(browser, 20).until(ExpectedConditions.urlContains("/app/admin/security.xhtml"));
        Browser.screenshot(browser, "admin-security");
    }

    @Test
    void administratorBrowsesTheAuditPagesInJapaneseAndEnglish() throws Exception {
        for (String[] language : new String[][] {{"ja-JP", "操作ログ", "アクセスログ", "セキュリティイベント"},
            {"en-US", "Operation log", "Access log", "Security events"}}) {
            WebDriver admin = Browser.open(language[0]);
            try {
                Browser.signIn(admin, "demo.admin", stack().demo().password());
                String[] pages = {"audit", "access", "security-events"};
                for (int i = 0; i < pages.length; i++) {
                    admin.findElement(By.linkText(language[i + 1])).click();
                    Browser.waitFor(admin, 20).until(ExpectedConditions.urlContains("/app/admin/" + pages[i] + ".xhtml"));
                    String text = admin.findElement(By.tagName("body")).getText();
                    assertTrue(text.contains(language[i + 1]), pages[i] + ": " + text);
                    assertTrue(!admin.getPageSource().contains("???"), pages[i] + " has a missing text key");
                    Browser.screenshot(admin, "admin-" + pages[i] + "-" + language[0].substring(0, 2));
                }
                assertTrue(admin.findElement(By.tagName("body")).getText().contains(language[0].startsWith("ja")
                        ? "アカウントのロック" : "Account locked"), "the rules are listed");
            } finally {
                admin.quit();
            }
        }
    }

    @Test
    void englishBrowserGetsEnglishPages() {
        WebDriver english = Browser.open("en-US");
        try {
            english.get(stack().operatorUrl("login.xhtml").toString());
            assertTrue(english.getTitle().startsWith("Sign in"), english.getTitle());
        } finally {
            english.quit();
        }
    }

    private static boolean isSignInNotice(MimeMessage m, String to) {
        try {
            return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains("ログインがありました");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void signIn(String login, String password) {
        browser.findElement(By.id("login:loginId")).sendKeys(login);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }

    private static void postLevel(String point, Instant time, String value) throws Exception {
        String body = "{\"device\":\"HY01-TM1\",\"samples\":[{\"point\":\"" + point + "\",\"time\":\""
                + time.atOffset(ZoneOffset.ofHours(9)) + "\",\"value\":" + value + "}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                stack().deviceUrl("api/device/v1/samples"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + stack().demo().deviceToken("HY01-TM1"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"accepted\":1"), response.body());
    }
}
