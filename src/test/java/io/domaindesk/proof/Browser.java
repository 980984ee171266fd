package io.domaindesk.proof;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One headless Debian Chromium driven through Debian's chromedriver. Nothing is ever
 * downloaded: the binary and the driver are given, so Selenium Manager has nothing to
 * look up, and Chromium's own background traffic is switched off (this machine's network
 * is closed).
 */
public final class Browser implements AutoCloseable {

	/**
	 * Debian's, unless {@code -Ddomaindesk.chromium} or {@code DOMAINDESK_CHROMIUM} says
	 * otherwise.
	 */
	static final String CHROMIUM = setting("domaindesk.chromium", "DOMAINDESK_CHROMIUM", "/usr/bin/chromium");

	static final String CHROMEDRIVER = setting("domaindesk.chromedriver", "DOMAINDESK_CHROMEDRIVER",
			"/usr/bin/chromedriver");

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final Path profile;

	private Path downloads;

	private Axe axe = new Axe();

	private String base;

	private Browser(ChromeDriverService service, ChromeDriver driver, Path profile, Path downloads) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
		this.downloads = downloads;
	}

	private static String setting(String property, String variable, String fallback) {
		String value = System.getProperty(property, System.getenv(variable));
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * Why the browser cannot run here, or null when Chromium and its driver are
	 * installed.
	 */
	static String missing() {
		for (String path : List.of(CHROMIUM, CHROMEDRIVER)) {
			File file = new File(path);
			if (!file.isFile() || !file.canExecute()) {
				return path + " is missing (apt-get install -y chromium chromium-driver)";
			}
		}
		return null;
	}

	static Browser start(Path downloads) {
		try {
			Files.createDirectories(downloads);
			Path profile = Files.createTempDirectory("domaindesk-chromium-");
			// Selenium Manager is only asked when no driver is known: name ours.
			System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.withSilent(true)
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--disable-default-apps", "--disable-extensions",
					"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000", "--lang=en-US");
			Map<String, Object> prefs = new HashMap<>();
			prefs.put("intl.accept_languages", "en-US,en");
			prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
			prefs.put("download.prompt_for_download", false);
			prefs.put("download.directory_upgrade", true);
			prefs.put("safebrowsing.enabled", false);
			options.setExperimentalOption("prefs", prefs);
			// The console is read after each journey: an error or a CSP violation fails
			// it.
			LoggingPreferences logs = new LoggingPreferences();
			logs.enable(LogType.BROWSER, Level.ALL);
			options.setCapability("goog:loggingPrefs", logs);
			// A dialog opened by the page must stay open so that a test can see it.
			options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			// No transitions (Bootstrap honours the setting): axe-core must not read a
			// button's colours halfway through its hover fade, which fails contrast by
			// chance.
			driver.executeCdpCommand("Emulation.setEmulatedMedia",
					Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
			driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
					downloads.toAbsolutePath().toString(), "eventsEnabled", false));
			return new Browser(service, driver, profile, downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes this browser a fresh one for the next test class, as a new Chromium would be
	 * without the second or so a start costs: no cookie, no storage, no cache of any
	 * address it visited, one window showing a blank page at the window's size, downloads
	 * going to a directory of their own, and every page checked by axe-core again.
	 */
	void reset(Path downloads) {
		try {
			Files.createDirectories(downloads);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String first = this.driver.getWindowHandles().iterator().next();
		for (String window : this.driver.getWindowHandles()) {
			if (!window.equals(first)) {
				this.driver.switchTo().window(window).close();
			}
		}
		this.driver.switchTo().window(first);
		this.driver.get("about:blank");
		this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
		if (this.base != null) {
			this.driver.executeCdpCommand("Storage.clearDataForOrigin",
					Map.of("origin", this.base, "storageTypes", "all"));
		}
		resetViewport();
		this.driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
				downloads.toAbsolutePath().toString(), "eventsEnabled", false));
		// What the page wrote to the console before: read, so that it is gone.
		this.driver.manage().logs().get(LogType.BROWSER);
		this.downloads = downloads;
		this.base = null;
		this.axe = new Axe();
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Path downloads() {
		return this.downloads;
	}

	public void base(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public String base() {
		return this.base;
	}

	/** Opens a page of the application and checks its accessibility. */
	public void open(String path) {
		this.driver.get(this.base + path);
		checkAccessibility();
	}

	/**
	 * Fails on any WCAG 2.1 A/AA violation axe-core finds in the page shown now. Called
	 * after each page opened and after each wait (the page a click or an htmx swap led
	 * to).
	 */
	public void checkAccessibility() {
		this.axe.check(this.driver);
	}

	public String path() {
		String url = this.driver.getCurrentUrl();
		return url.startsWith(this.base) ? url.substring(this.base.length()) : url;
	}

	/**
	 * Lays pages out as on a screen this wide (CSS pixels), such as a phone's 375 px;
	 * {@link #resetViewport()} goes back to the window's size. Not emulated as a mobile
	 * device, which would zoom out a page wider than the screen and hide the overflow.
	 */
	public void viewport(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	public void resetViewport() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	public WebElement button(String text) {
		return this.driver.findElement(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='"
				+ text + "'] | //input[@type='submit' and @value='" + text + "']"));
	}

	/**
	 * Clicks like a user who scrolled the control into the middle of the window first: a
	 * control at the window's edge can sit under the sticky bulk bar or the toasts, and
	 * Chromium then refuses the click.
	 */
	public void click(WebElement element) {
		((JavascriptExecutor) this.driver).executeScript(
				"arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});", element);
		element.click();
	}

	public void type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
	}

	public String text() {
		return find("body").getText();
	}

	public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
		// htmx swaps polled fragments: an element read mid-swap is stale, so read again.
		T result = new WebDriverWait(this.driver, timeout, Duration.ofMillis(100))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
		checkAccessibility();
		return result;
	}

	public <T> T await(Function<WebDriver, T> condition) {
		return await(Duration.ofSeconds(15), condition);
	}

	/** Logs in through the form, from a clean slate (no cookie of a previous user). */
	public void loginAs(String username) {
		open("/login");
		this.driver.manage().deleteAllCookies();
		open("/login");
		type("#username", username);
		type("#password", "demo-password");
		find("#password").submit();
		await(d -> !path().startsWith("/login"));
	}

	/**
	 * The errors Chromium reported in the console since the last call (reading the
	 * console empties it): Content Security Policy violations, script errors, resources
	 * that failed to load. A live search that {@code hx-sync="this:replace"} aborts for
	 * the next keystroke is no error, though htmx logs it as two
	 * ({@code htmx:afterRequest} and {@code htmx:sendAbort}): such pairs are left out.
	 */
	public List<String> consoleErrors() {
		List<String> errors = new ArrayList<>(this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
					|| entry.getMessage().contains("Content Security Policy"))
			.map(LogEntry::getMessage)
			.toList());
		int before = errors.size();
		errors.removeIf((error) -> error.endsWith("\"htmx:sendAbort\""));
		for (int abort = errors.size(); abort < before; abort++) {
			errors.stream()
				.filter((error) -> error.endsWith("\"htmx:afterRequest\""))
				.findFirst()
				.ifPresent(errors::remove);
		}
		return errors;
	}

	public void assertNoDialog() {
		assertThatExceptionOfType(NoAlertPresentException.class).as("a JavaScript dialog opened on %s", path())
			.isThrownBy(() -> this.driver.switchTo().alert());
	}

	/** Saves a PNG of the page and its HTML, for a step that failed. */
	public Path screenshot(Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		Path file = directory.resolve(name + ".png");
		Files.write(file, png);
		Files.writeString(directory.resolve(name + ".html"), this.driver.getPageSource());
		return file;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary profile is harmless.
		}
	}

}
