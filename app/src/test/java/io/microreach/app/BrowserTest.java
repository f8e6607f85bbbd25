package io.microreach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the tests that drive the web app in Debian's Chromium, headless, through the chromedriver installed next
 * to it (so Selenium Manager never downloads a browser). The app runs on a random port in the shared test context.
 * Every test fails on any JavaScript console error or an open alert, and leaves a PNG screenshot of its final state
 * in {@code app/target/screenshots/} (kept by CI as evidence).
 *
 * <p>Without {@code /usr/bin/chromium} each test is reported as skipped with how to install it, unless the environment
 * variable {@code MICROREACH_REQUIRE_BROWSER} is set (CI sets it), in which case they fail. (An abort in
 * {@code @BeforeAll} would skip the whole class, which surefire counts as no tests at all.)
 */
@ExtendWith(BrowserTest.ChromiumInstalled.class)
public abstract class BrowserTest extends SpringAppTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static ChromeDriverService service;
    protected static WebDriver driver;
    private static boolean signedIn;

    static final String MISSING = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
            + " (apt-get install -y chromium chromium-driver)";

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static boolean browserRequired() {
        return System.getenv("MICROREACH_REQUIRE_BROWSER") != null;
    }

    /** Disables each browser test (not the class) when Chromium is missing and not required. */
    static class ChromiumInstalled implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty() || browserInstalled() || browserRequired()) {
                return ConditionEvaluationResult.enabled("Chromium installed or required");
            }
            return ConditionEvaluationResult.disabled("skipped: " + MISSING);
        }
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!browserInstalled()) {
            if (browserRequired()) {
                fail(MISSING + "; MICROREACH_REQUIRE_BROWSER is set, so this fails instead of skipping");
            }
            return; // every test is disabled by ChromiumInstalled
        }
        Path profile = Files.createTempDirectory(
                Files.createDirectories(Path.of("target", "chromium-profiles")).toAbsolutePath(), "profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1280,800",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        signedIn = false;
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (service != null) {
            service.stop();
            service = null;
        }
    }

    /** Screenshot first (also for a failed test), then the console check, so the evidence exists either way. */
    @AfterEach
    void screenshotAndConsole(TestInfo info) throws IOException {
        if (driver == null) {
            return;
        }
        String name = getClass().getSimpleName() + "-"
                + info.getTestMethod().map(m -> m.getName()).orElse("test") + ".png";
        Files.createDirectories(SCREENSHOTS);
        try {
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (UnhandledAlertException e) {
            fail("a JavaScript alert was open at the end of the test: " + e.getAlertText());
        }
        assertNoAlert();
        assertNoConsoleErrors();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page, signing the browser in as {@link TestIdentity} first when it is not yet. */
    protected void open(String path) {
        if (!signedIn) {
            driver.get(url(signInPath()));
            signedIn = true;
        }
        driver.get(url(path));
    }

    /** A wait that retries when htmx swapped the element it was looking at (polling replaces whole sections). */
    protected WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    protected WebElement waitFor(By locator) {
        return waitUpTo(15).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Fails on any console message of level SEVERE (JavaScript errors, failed resource loads) since the last call. */
    protected void assertNoConsoleErrors() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries.stream()
                        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                        .map(LogEntry::getMessage)
                        .toList())
                .as("JavaScript console errors")
                .isEmpty();
    }

    protected void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            fail("a JavaScript alert opened: " + text);
        } catch (NoAlertPresentException expected) {
            // no alert: creator-provided text did not run as script
        }
    }

    /** Saves the current page as a documentation screenshot (docs/screenshots/NAME.png) when asked to. */
    protected void documentationScreenshot(String name) {
        String target = System.getProperty("microreach.docs.screenshots");
        if (target == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(target));
            // More than the first screen (up to 1800 px, where the README still reads it): grow the window for the
            // shot.
            Number height = (Number) js("return document.documentElement.scrollHeight");
            driver.manage()
                    .window()
                    .setSize(new org.openqa.selenium.Dimension(
                            driver.manage().window().getSize().getWidth(),
                            Math.min(1800, Math.max(800, height.intValue() + 120))));
            File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
