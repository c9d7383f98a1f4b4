package org.hostwright.notifications;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hostwright.platform.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mail's model kept in the outbox until the mail is rendered: each value with its type,
 * so a price is still {@link Money} and a due date still a {@link LocalDate} when the
 * template formats them in the recipient's language. Only plain values are kept (text,
 * numbers, yes/no, money, dates, instants); a model with anything else (a list of
 * records, say) is rendered at once instead, as before.
 */
final class MailModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private MailModels() {
	}

	/** The model as JSON, or empty when a value is not a plain one. */
	static Optional<String> encode(Map<String, Object> model) {
		ObjectNode out = JSON.createObjectNode();
		for (Map.Entry<String, Object> e : model.entrySet()) {
			if (!put(out.putArray(e.getKey()), e.getValue())) {
				return Optional.empty();
			}
		}
		return Optional.of(JSON.writeValueAsString(out));
	}

	// Java 17 is the baseline: no pattern matching in switch
	private static boolean put(ArrayNode typed, Object v) {
		if (v == null) {
			typed.add("null");
		}
		else if (v instanceof String s) {
			typed.add("s").add(s);
		}
		else if (v instanceof Boolean b) {
			typed.add("b").add(b);
		}
		else if (v instanceof Integer i) {
			typed.add("i").add(i);
		}
		else if (v instanceof Long l) {
			typed.add("l").add(l);
		}
		else if (v instanceof BigDecimal d) {
			typed.add("d").add(d.toString());
		}
		else if (v instanceof Money m) {
			typed.add("m").add(m.minorUnits()).add(m.currency());
		}
		else if (v instanceof LocalDate d) {
			typed.add("date").add(d.toString());
		}
		else if (v instanceof Instant t) {
			typed.add("instant").add(t.toString());
		}
		else {
			return false;
		}
		return true;
	}

	/** The model {@link #encode} kept, with the same types. */
	static Map<String, Object> decode(String json) {
		Map<String, Object> model = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : JSON.readTree(json).properties()) {
			JsonNode typed = e.getValue();
			JsonNode v = typed.get(1);
			model.put(e.getKey(), switch (typed.get(0).asString()) {
				case "null" -> null;
				case "s" -> v.asString();
				case "b" -> v.asBoolean();
				case "i" -> v.asInt();
				case "l" -> v.asLong();
				case "d" -> new BigDecimal(v.asString());
				case "m" -> Money.of(v.asLong(), typed.get(2).asString());
				case "date" -> LocalDate.parse(v.asString());
				case "instant" -> Instant.parse(v.asString());
				default -> throw new IllegalArgumentException("unknown mail model type " + typed.get(0));
			});
		}
		return model;
	}

}
