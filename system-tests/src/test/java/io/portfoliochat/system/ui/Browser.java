package io.portfoliochat.system.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Debian's chromedriver, with a fresh profile (so no
 * localStorage or sessionStorage is shared between browsers or runs).
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String name;
    private final ChromeDriver driver;
    private final String baseUrl;
    /** Reading the browser's log empties it: everything read so far. */
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(String name, ChromeDriver driver, String baseUrl) {
        this.name = name;
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    static Browser start(String name, String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): run scripts/prerequisites.sh's ensure_chromium, "
                    + "or apt-get install chromium chromium-driver");
        }
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required", "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        return new Browser(name, driver, baseUrl);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the gateway and waits until its script has finished starting (body[data-ready]). */
    void open(String path) {
        driver.get(baseUrl + path);
        await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void reload() {
        driver.navigate().refresh();
        await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean visible(String css) {
        return findAll(css).stream().anyMatch(WebElement::isDisplayed);
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    @SuppressWarnings("unchecked")
    <T> T script(String script, Object... arguments) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Resizes the viewport (not the window) to exactly this size. */
    void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        Map<String, Object> inner = script("return {w: window.innerWidth, h: window.innerHeight};");
        int dw = width - ((Number) inner.get("w")).intValue();
        int dh = height - ((Number) inner.get("h")).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
        await(d -> ((Number) script("return window.innerWidth;")).intValue() == width);
    }

    /** True when the page is wider than the viewport (a horizontal scroll bar). */
    boolean scrollsSideways() {
        return script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    /**
     * The pages are full-height layouts whose panels scroll inside: the elements reaching below the
     * viewport (empty when the page itself does not scroll).
     */
    List<String> belowTheViewport() {
        return script("""
                if (document.documentElement.scrollHeight <= window.innerHeight) return [];
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getClientRects().length && e.getBoundingClientRect().bottom > window.innerHeight + 1
                          && getComputedStyle(e).position !== 'fixed')
                  .slice(0, 5)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' bottom '
                          + Math.round(e.getBoundingClientRect().bottom) + ' of ' + window.innerHeight);""");
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors so far (script errors, CSP violations, failed requests). */
    List<String> consoleErrors() {
        return console().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    private synchronized List<LogEntry> console() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return List.copyOf(console);
    }

    /** What the browser showed and logged when a test failed: target/screenshots/failed-*. */
    void saveForDiagnosis(String test) {
        try {
            screenshot("failed-" + test + "-" + name);
            List<String> lines = new ArrayList<>();
            lines.add("url: " + driver.getCurrentUrl());
            console().forEach(entry -> lines.add(entry.getLevel() + " " + entry.getMessage()));
            Files.write(SCREENSHOTS.resolve("failed-" + test + "-" + name + ".log"), lines);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the " + name + " browser's state: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
