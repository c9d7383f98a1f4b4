package org.hostwright.platform;

/**
 * The one way to search with {@code LIKE}/{@code ILIKE}: the user's term is bound as a
 * parameter with its wildcards escaped, and every such predicate ends with
 * {@link #ESCAPE} so {@code %} and {@code _} typed by a user match themselves. {@code !}
 * is the escape character because a backslash means different things in string literals
 * across databases; {@code ESCAPE '!'} reads the same on H2 and PostgreSQL.
 */
public final class SqlLike {

	/** Appended after the bound pattern: {@code "name LIKE ?" + SqlLike.ESCAPE}. */
	public static final String ESCAPE = " ESCAPE '!'";

	private SqlLike() {
	}

	/** The pattern for values containing {@code term}, or null when the term is blank. */
	public static String contains(String term) {
		return blank(term) ? null : "%" + escape(term.strip()) + "%";
	}

	/**
	 * The pattern for values starting with {@code term}, or null when the term is blank.
	 */
	public static String startsWith(String term) {
		return blank(term) ? null : escape(term.strip()) + "%";
	}

	/** The term with the escape character and both wildcards escaped. */
	public static String escape(String term) {
		return term.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** An optional filter is applied only when its value is not blank. */
	public static boolean blank(String term) {
		return term == null || term.isBlank();
	}

}
