package org.hostwright.platform;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.hostwright.platform.SqlLike.ESCAPE;
import static org.hostwright.platform.SqlLike.contains;
import static org.hostwright.platform.SqlLike.startsWith;

/**
 * What a free-text search term in an admin list is (a phone number, an order number, a
 * UUID, part of a domain), so each module's search picks the predicate an index answers.
 * Values are always bound, never inlined.
 */
public final class SearchTerms {

	private SearchTerms() {
	}

	/** A predicate with its bound values. */
	public record Predicate(String sql, List<Object> args) {
	}

	/**
	 * The digits of a phone search ("0712 345" → "712345"), or null when it is not
	 * phone-like.
	 */
	public static String phoneDigits(String term) {
		String t = term.strip();
		if (!t.matches("[+0-9 ()-]{4,}")) {
			return null;
		}
		String digits = t.replaceAll("\\D", "").replaceFirst("^0+", "");
		return digits.length() >= 3 ? digits : null;
	}

	/**
	 * How a term matches a domain (stored lower-case), or null when it cannot be part of
	 * one.
	 */
	public static Predicate domainMatch(String term, String column) {
		String lower = term.strip().toLowerCase(Locale.ROOT);
		if (lower.contains("@") || lower.contains(" ") || phoneDigits(lower) != null) {
			return null;
		}
		if (lower.length() < 3) {
			return new Predicate(column + " LIKE ?" + ESCAPE, List.of(startsWith(lower)));
		}
		return new Predicate(column + " LIKE ?" + ESCAPE, List.of(contains(lower)));
	}

	/**
	 * The term as a short order number (eight hex digits, as pages show it), in the lower
	 * case the UUID's text has; null when it is not one.
	 */
	public static String orderNumber(String term) {
		String t = term == null ? "" : term.strip().replaceFirst("^#", "");
		return t.matches("[0-9A-Fa-f]{8}") ? t.toLowerCase(Locale.ROOT) : null;
	}

	public static UUID uuid(String term) {
		try {
			return term == null ? null : UUID.fromString(term.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
