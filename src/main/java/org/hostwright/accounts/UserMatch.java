package org.hostwright.accounts;

import java.util.List;
import java.util.Locale;

import org.hostwright.platform.SearchTerms;
import org.hostwright.platform.SearchTerms.Predicate;

import static org.hostwright.platform.SqlLike.ESCAPE;
import static org.hostwright.platform.SqlLike.contains;
import static org.hostwright.platform.SqlLike.startsWith;

/**
 * How a free-text term finds users, for this module's {@link UserDirectory} and for the
 * repositories of other modules that search their rows by customer (ordering's order
 * search). Those read the users table through {@link #ids(String)}, accounts' declared
 * read view, instead of naming its columns, so the dependency is one Spring Modulith sees
 * and the table's layout stays known here only.
 */
public final class UserMatch {

	private UserMatch() {
	}

	/**
	 * The term as a predicate on the users table, chosen so an index answers it: digits
	 * match the phone (trigram), an e-mail-like term the e-mail (trigram), one or two
	 * characters a prefix of the name or e-mail (btree; trigrams need three), anything
	 * else a substring of the name or e-mail (trigram).
	 */
	static Predicate on(String term) {
		String t = term.strip();
		String lower = t.toLowerCase(Locale.ROOT);
		String digits = SearchTerms.phoneDigits(t);
		if (digits != null) {
			return new Predicate("phone LIKE ?" + ESCAPE, List.of("%" + digits + "%"));
		}
		if (lower.matches("^[^@\\s%_]+@[^@\\s%_]+\\.[a-z]{2,}$")) {
			// a whole address: the unique index answers at once
			return new Predicate("email = ?", List.of(lower));
		}
		if (t.contains("@")) {
			return new Predicate("email LIKE ?" + ESCAPE, List.of(contains(lower)));
		}
		if (t.length() < 3) {
			String prefix = startsWith(lower);
			return new Predicate("(lower(name) LIKE ?" + ESCAPE + " OR email LIKE ?" + ESCAPE + ")",
					List.of(prefix, prefix));
		}
		return new Predicate("(name ILIKE ?" + ESCAPE + " OR email LIKE ?" + ESCAPE + ")",
				List.of(contains(t), contains(lower)));
	}

	/**
	 * A sub-select of the ids of the users the term finds (deleted ones included, as a
	 * customer's old orders still name them), for {@code customer_id IN (...)}.
	 */
	public static Predicate ids(String term) {
		Predicate match = on(term);
		return new Predicate("SELECT id FROM users WHERE " + match.sql(), match.args());
	}

}
