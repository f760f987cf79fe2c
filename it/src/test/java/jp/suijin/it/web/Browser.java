package jp.suijin.it.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import jp.suijin.it.SuijinStackExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium through its chromedriver; Selenium cannot download drivers here. */
public final class Browser {

    private Browser() {
    }

    public static WebDriver open(String language) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("suijin.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "download.default_directory", downloads().toString(), "download.prompt_for_download", false));
        // the console's errors (a refused script, a failed web socket) are otherwise invisible to a test
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("suijin.chromedriver", "/usr/bin/chromedriver")))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Signs in through the login page and waits for the dashboard. */
    public static void signIn(WebDriver browser, String login, String password) {
        browser.get(SuijinStackExtension.stack().operatorUrl("login.xhtml").toString());
        browser.findElement(By.id("login:loginId")).sendKeys(login);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        // an organisation user lands on the dashboard, a service operator on the service pages
        waitFor(browser, 30).until(ExpectedConditions.urlContains("/app/"));
    }

    /** Where downloads land: it/target/downloads. */
    public static Path downloads() {
        Path dir = Path.of(System.getProperty("suijin.it.work"), "..", "downloads").toAbsolutePath().normalize();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors in the browser's console so far, but for the favicon, which the application has none of. */
    public static List<String> consoleErrors(WebDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("/favicon.ico")).toList();
    }

    public static WebDriverWait waitFor(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Keeps a picture of the page under it/target/screenshots for people to look at. */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("suijin.it.work"), "..", "screenshots");
        Files.createDirectories(dir);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
