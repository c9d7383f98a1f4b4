package org.hostwright.agency;

import java.util.Map;

import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one form-field fragment ties each error to its control for assistive technology.
 */
class FormFieldTests extends AgencyTestSupport {

	@Test
	void anInvalidFieldIsMarkedAndDescribedByItsError() {
		WebSession web = web();
		web.signIn(ADMIN, ADMIN_PASSWORD);
		var page = web.submit("/admin/prospects/new", "/admin/prospects/new",
				Map.of("businessName", unique("Form Field"), "contactEmail", "not-an-address", "status", "new"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("for=\"contactEmail\"").contains("id=\"contactEmail-error\"");
		assertThat(input(page.body(), "contactEmail")).contains("aria-invalid=\"true\"")
			.contains("aria-describedby=\"contactEmail-error\"");
		assertThat(input(page.body(), "businessName")).doesNotContain("aria-invalid")
			.doesNotContain("aria-describedby");
	}

	private static String input(String html, String id) {
		var m = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group();
	}

}
