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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real-browser journeys with Playwright driving Debian's Chromium
 * ({@code /usr/bin/chromium}, or {@code HOSTWRIGHT_CHROMIUM}). Nothing is downloaded;
 * where no Chromium exists the tests are skipped with a message saying so.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static Browser browser;

	protected BrowserContext context;

	protected Page page;

	static Path chromium() {
		String configured = System.getenv("HOSTWRIGHT_CHROMIUM");
		return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium");
	}

	/**
	 * One Chromium for the whole test run, started by the first browser test and closed
	 * when the run ends (a resource of JUnit's root store): every test still gets a fresh
	 * browser context, with its own cookies and storage, and no class pays for starting a
	 * browser of its own.
	 */
	@RegisterExtension
	static final BeforeAllCallback CHROMIUM = junit -> {
		Assumptions.assumeTrue(Files.isExecutable(chromium()), "Skipping browser tests: no Chromium at " + chromium()
				+ " (apt-get install chromium, or set HOSTWRIGHT_CHROMIUM)");
		browser = junit.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(SharedChromium.class, k -> new SharedChromium(), SharedChromium.class)
			.browser();
	};

	private record SharedChromium(Playwright playwright, Browser browser) implements AutoCloseable {

		SharedChromium() {
			this(Playwright
				.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))));
		}

		SharedChromium(Playwright playwright) {
			this(playwright,
					playwright.chromium()
						.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
							.setHeadless(true)
							.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
									"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"))));
		}

		@Override
		public void close() {
			browser.close();
			playwright.close();
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

	/**
	 * Whether {@link #screenshot} saves anything: screenshots are for a person to look at
	 * and no test reads them, so the suite saves them only when asked
	 * ({@code ./mvnw verify -Dscreenshots=true}); the sweeps over every page spent about
	 * a minute drawing PNGs nobody opened.
	 */
	protected static final boolean SCREENSHOTS = Boolean.getBoolean("screenshots");

	/**
	 * Saves a screenshot of the page under target/screenshots for a person to look at
	 * (with {@code -Dscreenshots=true}).
	 */
	protected void screenshot(String name) {
		screenshot(page, name);
	}

	/** Saves a screenshot of another page (a popup, say) the same way. */
	protected static void screenshot(Page of, String name) {
		if (SCREENSHOTS) {
			of.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/" + name + ".png"))
				.setFullPage(true));
		}
	}

}
