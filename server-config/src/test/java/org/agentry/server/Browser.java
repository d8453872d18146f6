package org.agentry.server;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
 * Headless Chromium driven by Selenium for the console's tests: Debian's {@code chromium} and
 * {@code chromedriver} (overridable with {@code agentry.it.chromium} and {@code
 * agentry.it.chromedriver}), a 1280×800 window, and the browser's console log kept so that tests
 * can look for CSP violations. Selenium Manager is not used: it would try to download a browser.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  private final String base;

  Browser(String base) {
    this.base = base;
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("agentry.it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    var options = new ChromeOptions();
    options.setBinary(System.getProperty("agentry.it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--lang=en-US");
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    this.driver = new ChromeDriver(service, options);
  }

  /** Opens a console route, e.g. {@code open("/tasks")}. */
  void open(String route) {
    driver.get(base + "/console/#" + route);
  }

  /** Opens the console signed out, then signs in with the token and waits for who is in. */
  void signIn(String token) {
    trySignIn(token);
    await(By.id("who-role"));
  }

  /** Opens the console signed out and submits the sign-in form with the token. */
  void trySignIn(String token) {
    driver.get(base + "/console/");
    script("sessionStorage.clear()");
    driver.navigate().refresh();
    var field = await(By.id("sign-in-token"));
    field.sendKeys(token);
    field.submit();
  }

  /** A wait that looks again when the page re-rendered an element while it was being read. */
  private WebDriverWait waiting(Duration timeout) {
    var wait = new WebDriverWait(driver, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebElement await(By by) {
    return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Clicks the element, finding it again if the page re-rendered it meanwhile. */
  void click(By by) {
    waiting(WAIT)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  void awaitAbsent(By by) {
    waiting(WAIT).until(d -> d.findElements(by).isEmpty());
  }

  void awaitText(By by, String text) {
    waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Waits until the element's text is exactly one of these. */
  void awaitExactText(By by, String text, Duration timeout) {
    waiting(timeout)
        .until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().equals(text)));
  }

  /** The texts of the elements, read in the page at once (no stale elements on a re-render). */
  @SuppressWarnings("unchecked")
  List<String> textsNow(String css) {
    return (List<String>)
        script(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css);
  }

  boolean present(By by) {
    return !driver.findElements(by).isEmpty();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Saves a PNG of the window as {@code target/console-screenshots/<name>.png}. */
  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    var file = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** The browser's console messages since the last call. */
  List<String> consoleMessages() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
