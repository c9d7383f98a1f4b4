package org.hostwright.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Real-browser journeys with Playwright driving Debian's Chromium
 * ({@code /usr/bin/chromium}, or {@code HOSTWRIGHT_CHROMIUM}). Nothing is downloaded;
 * where no Chromium exists the tests are skipped with a message saying so.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static Playwright playwright;

	private static Browser browser;

	protected BrowserContext context;

	protected Page page;

	static Path chromium() {
		String configured = System.getenv("HOSTWRIGHT_CHROMIUM");
		return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
	}

	@BeforeAll
	static void launch() {
		Assumptions.assumeTrue(Files.isExecutable(chromium()), "Skipping browser tests: no Chromium at " + chromium()
				+ " (apt-get install chromium, or set HOSTWRIGHT_CHROMIUM)");
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openPage() {
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl()).setViewportSize(1280, 900));
		context.setDefaultTimeout(15_000);
		page = context.newPage();
	}

	@AfterEach
	void closePage() {
		if (context != null) {
			context.close();
		}
	}

	/** Saves a screenshot under target/screenshots for a person to look at. */
	protected void screenshot(String name) {
		page.screenshot(
				new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png")).setFullPage(true));
	}

}
