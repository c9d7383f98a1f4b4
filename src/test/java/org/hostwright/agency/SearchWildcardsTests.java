package org.hostwright.agency;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search term's {@code %} and {@code _} match themselves, not any text
 * (platform.SqlLike).
 */
class SearchWildcardsTests extends AgencyTestSupport {

	@Test
	void percentAndUnderscoreInASearchMatchOnlyThemselves() {
		String tag = Long.toString(System.nanoTime(), 36);
		for (String name : new String[] { "Duka_" + tag, "DukaX" + tag, "Sale 100% " + tag, "Sale 1000 " + tag }) {
			var created = admin().post("/api/admin/prospects",
					ApiClient.json(Map.of("business_name", name, "contact_email", uniqueEmail("wild"))));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			createSite(name);
		}
		assertThat(prospectNames("duka_" + tag)).containsExactly("Duka_" + tag);
		assertThat(prospectNames("100% " + tag)).containsExactly("Sale 100% " + tag);
		assertThat(siteNames("duka_" + tag)).containsExactly("Duka_" + tag);
		assertThat(siteNames("100% " + tag)).containsExactly("Sale 100% " + tag);
		assertThat(prospectNames(tag)).hasSize(4);
	}

	private java.util.List<String> prospectNames(String q) {
		return names("/api/admin/prospects?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
	}

	private java.util.List<String> siteNames(String q) {
		return names("/api/admin/hosting/sites?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
	}

	private java.util.List<String> names(String path) {
		var r = admin().get(path);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		java.util.List<String> names = new java.util.ArrayList<>();
		r.json().get("items").forEach(item -> names.add(item.get("business_name").asString()));
		return names;
	}

}
