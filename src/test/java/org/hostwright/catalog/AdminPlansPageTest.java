package org.hostwright.catalog;

import org.hostwright.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The admin plan cards and form in a real browser (screenshots under target/screenshots).
 */
class AdminPlansPageTest extends BrowserTest {

	@Test
	void adminSeesPlanCardsWithFiguresAndAFormThatExplainsMistakes() {
		page.navigate("/login");
		page.locator("input[name=email]").fill(PlansTests.ADMIN);
		page.locator("input[name=password]").fill(PlansTests.ADMIN_PASSWORD);
		page.locator("form button[type=submit]").first().click();
		page.waitForURL("**/admin**");
		page.navigate("/admin/plans");
		assertThat(page.locator("#admin-plan-hollyn-lite")).containsText("Orders");
		screenshot("sales-admin-plans");
		page.locator("#new-plan").click();
		page.locator("#name").fill("Hollyn Test");
		page.locator("#price").fill("twelve");
		page.locator("#save-plan").click();
		assertThat(page.locator("#price")).hasClass(java.util.regex.Pattern.compile(".*is-invalid.*"));
		screenshot("sales-admin-plan-form");
	}

}
