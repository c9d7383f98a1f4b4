package org.hostwright.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, name, phone, role, email_verified_at, must_change_password, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String email, String name, String phone, String passwordHash, Role role, boolean mustChange,
			Instant now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO users (email, name, phone, password_hash, role, must_change_password, created_at, updated_at)
						VALUES (:email, :name, :phone, :hash, :role, :mustChange, :now, :now)""")
			.param("email", email)
			.param("name", name)
			.param("phone", phone)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("mustChange", mustChange)
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Account> findById(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(UserRepository::account)
			.optional();
	}

	/** The accounts (not deleted) among the ids, in one query per thousand ids. */
	List<Account> findAll(Collection<Long> ids) {
		List<Account> found = new ArrayList<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1_000) {
			found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id IN (:ids) AND deleted_at IS NULL")
				.param("ids", all.subList(from, Math.min(all.size(), from + 1_000)))
				.query(UserRepository::account)
				.list());
		}
		return found;
	}

	Optional<Account> findByEmail(String email) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ? AND deleted_at IS NULL")
			.param(email)
			.query(UserRepository::account)
			.optional();
	}

	/** The principal with its hash, for sign-in only. */
	Optional<AccountUser> findPrincipal(String email) {
		return jdbc.sql("""
				SELECT id, email, name, role, enabled, must_change_password, password_hash
				FROM users WHERE email = ? AND deleted_at IS NULL""")
			.param(email)
			.query((rs, n) -> new AccountUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
					Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
					rs.getString("password_hash")))
			.optional();
	}

	Optional<String> passwordHash(long id) {
		return jdbc.sql("SELECT password_hash FROM users WHERE id = ? AND deleted_at IS NULL")
			.param(id)
			.query(String.class)
			.optional();
	}

	boolean emailTaken(String email, Long exceptId) {
		if (exceptId == null) {
			return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single() > 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ? AND id <> ?")
			.params(email, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Id → name of these accounts (deleted ones too: a name on an old record), one query.
	 */
	java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT id, name FROM users WHERE id IN (:ids)")
				.param("ids", List.copyOf(new java.util.TreeSet<>(ids)))
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		return names;
	}

	/**
	 * Customers whose e-mail or name contains the text, for an admin picking one (at most
	 * {@code limit}).
	 */
	List<Account> searchCustomers(String text, int limit) {
		String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM users WHERE role = ? AND deleted_at IS NULL"
					+ " AND (email LIKE ? OR LOWER(name) LIKE ?) ORDER BY email LIMIT " + limit)
			.params(Role.CUSTOMER.name(), like, like)
			.query(UserRepository::account)
			.list();
	}

	List<String> adminEmails() {
		return jdbc.sql(
				"SELECT email FROM users WHERE role = 'ADMIN' AND enabled = TRUE AND deleted_at IS NULL ORDER BY id LIMIT 100")
			.query(String.class)
			.list();
	}

	long countNotDeleted() {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE deleted_at IS NULL").query(Long.class).single();
	}

	boolean anyAdmin() {
		return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL")
			.query(Long.class)
			.single() > 0;
	}

	void updateProfile(long id, String name, String email, String phone, boolean emailChanged, Instant now) {
		jdbc.sql("""
				UPDATE users SET name = :name, email = :email, phone = :phone, updated_at = :now,
				  email_verified_at = CASE WHEN :changed THEN NULL ELSE email_verified_at END
				WHERE id = :id""")
			.param("name", name)
			.param("email", email)
			.param("phone", phone)
			.param("now", Timestamp.from(now))
			.param("changed", emailChanged)
			.param("id", id)
			.update();
	}

	void updatePassword(long id, String hash, boolean mustChange, Instant now) {
		jdbc.sql("UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?")
			.params(hash, mustChange, Timestamp.from(now), id)
			.update();
	}

	void markVerified(long id, Instant now) {
		jdbc.sql("UPDATE users SET email_verified_at = ?, updated_at = ? WHERE id = ? AND email_verified_at IS NULL")
			.params(Timestamp.from(now), Timestamp.from(now), id)
			.update();
	}

	/**
	 * Erases personal data but keeps the row, so orders and payments keep their history
	 * (and money records stay intact).
	 */
	void anonymise(long id, String unusableHash, Instant now) {
		jdbc.sql("""
				UPDATE users SET email = :email, name = 'Deleted user', phone = NULL, password_hash = :hash,
				  enabled = FALSE, deleted_at = :now, updated_at = :now WHERE id = :id""")
			.param("email", "deleted-" + id + "@deleted.invalid")
			.param("hash", unusableHash)
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update();
		jdbc.sql("DELETE FROM api_tokens WHERE user_id = ?").param(id).update();
		jdbc.sql("DELETE FROM account_tokens WHERE user_id = ?").param(id).update();
	}

	static Account account(ResultSet rs, int row) throws SQLException {
		Timestamp verified = rs.getTimestamp("email_verified_at");
		return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("name"), rs.getString("phone"),
				Role.valueOf(rs.getString("role")), verified == null ? null : verified.toInstant(),
				rs.getBoolean("must_change_password"), rs.getTimestamp("created_at").toInstant());
	}

}
