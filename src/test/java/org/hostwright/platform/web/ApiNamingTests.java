package org.hostwright.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One name and one format for one thing across the whole API, read from the published
 * OpenAPI document: property names in snake_case, money as {@code *_cents} (never
 * {@code *_minor}), an order named {@code order_uuid} (never a bare {@code uuid}), enum
 * values (statuses, periods) lowercase.
 */
class ApiNamingTests extends IntegrationTest {

	private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

	/** Free-form sample values, not schemas. */
	private static final java.util.Set<String> EXAMPLES = java.util.Set.of("example", "examples", "default");

	private static final Pattern WIRE_VALUE = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

	@Test
	void everySchemaPropertyAndEnumValueUsesTheOneForm() {
		var docs = api().get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		List<String> stray = new ArrayList<>();
		walk(docs.json(), "$", stray);
		assertThat(stray).as("names and values outside the API's one form").isEmpty();
	}

	@Test
	void theWalkFindsEachStrayForm() {
		List<String> stray = new ArrayList<>();
		walk(ApiClientJson.parse("""
				{"components":{"schemas":{"Row":{"properties":{"uuid":{},"priceMinor":{},"price_minor":{},
				"status":{"enum":["ACTIVE","active"]},"order_uuid":{},"price_cents":{}}}}}}"""), "$", stray);
		assertThat(stray).hasSize(4)
			.anyMatch(s -> s.contains("'uuid'"))
			.anyMatch(s -> s.contains("'priceMinor'"))
			.anyMatch(s -> s.contains("'price_minor'"))
			.anyMatch(s -> s.contains("'ACTIVE'"));
	}

	static void walk(JsonNode node, String path, List<String> stray) {
		if (node.isArray()) {
			int i = 0;
			for (JsonNode item : node) {
				walk(item, path + "[" + i++ + "]", stray);
			}
			return;
		}
		if (!node.isObject()) {
			return;
		}
		JsonNode properties = node.get("properties");
		if (properties != null && properties.isObject()) {
			for (String name : properties.propertyNames()) {
				String problem = !SNAKE_CASE.matcher(name).matches() ? "not snake_case"
						: name.endsWith("_minor") || name.contains("_minor_") ? "money is *_cents"
								: name.equals("uuid") ? "a uuid says what it names (order_uuid)" : null;
				if (problem != null) {
					stray.add(path + ".properties '" + name + "': " + problem);
				}
			}
		}
		JsonNode values = node.get("enum");
		if (values != null && values.isArray()) {
			for (JsonNode value : values) {
				if (value.isString() && !WIRE_VALUE.matcher(value.asString()).matches()) {
					stray.add(path + ".enum '" + value.asString() + "': values are lowercase");
				}
			}
		}
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			if (e.getKey().equals("properties") && e.getValue().isObject()) {
				// a map of property name → schema: each schema is walked, the names were
				// checked above
				for (Map.Entry<String, JsonNode> property : e.getValue().properties()) {
					walk(property.getValue(), path + ".properties." + property.getKey(), stray);
				}
			}
			else if (!EXAMPLES.contains(e.getKey())) {
				walk(e.getValue(), path + "." + e.getKey(), stray);
			}
		}
	}

	/** Parses a literal document for the walk's own test. */
	static final class ApiClientJson {

		static JsonNode parse(String json) {
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
		}

	}

}
