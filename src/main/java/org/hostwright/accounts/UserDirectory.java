package org.hostwright.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.hostwright.platform.Slice;

/**
 * The accounts module's published query interface for long user lists (the admin
 * console's users page, its JSON and CSV export, the dashboard's newest users): searches
 * name, e-mail and phone (trigram indexes on PostgreSQL), newest first, with bounded
 * pagination and a bounded count.
 */
public interface UserDirectory {

	/** A search: free text and a role (ADMIN or CUSTOMER; anything else means any). */
	record Filter(String q, String role) {

		public Filter {
			q = q == null ? "" : q.strip();
			role = role == null || role.isBlank() ? "" : role.strip().toUpperCase(Locale.ROOT);
			if (!role.isEmpty() && !role.equals("ADMIN") && !role.equals("CUSTOMER")) {
				role = "";
			}
		}

	}

	record UserRow(long id, String name, String email, String phone, String role, boolean emailVerified,
			Instant createdAt) {

		public boolean admin() {
			return "ADMIN".equals(role);
		}

	}

	/**
	 * A page of users, newest first. The bounded total is counted for the role filter
	 * only: a text search shows pages without a total, since counting thousands of fuzzy
	 * matches costs more than the page itself.
	 */
	Slice<UserRow> list(Filter filter, int page, int size);

	/** The newest users that are not deleted. */
	List<UserRow> recent(int limit);

	/**
	 * Hands every matching user to {@code each} (CSV export), in id order, from a
	 * database cursor.
	 */
	void forEach(Filter filter, Consumer<UserRow> each);

}
