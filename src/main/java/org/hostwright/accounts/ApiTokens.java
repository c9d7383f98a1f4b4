package org.hostwright.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.hostwright.platform.RandomSecrets;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for the JSON API ({@code Authorization: Bearer hw_…}). Opaque,
 * stored as a SHA-256 hash, revocable, with an expiry.
 */
@Repository
class ApiTokens {

	static final String PREFIX = "hw_";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	ApiTokens(JdbcClient jdbc, Clock clock, AccountsProperties properties) {
		Duration ttl = properties.apiTokenTtl();
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	record Issued(String token, Instant expiresAt) {
	}

	@Transactional
	Issued issue(long userId) {
		Instant now = Instant.now(clock);
		String raw = RandomSecrets.token(PREFIX);
		Instant expires = now.plus(ttl);
		jdbc.sql("INSERT INTO api_tokens (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(userId, RandomSecrets.sha256(raw), Timestamp.from(now), Timestamp.from(expires))
			.update();
		return new Issued(raw, expires);
	}

	/**
	 * The principal behind a token that exists, has not expired, and whose account is
	 * enabled.
	 */
	Optional<AccountUser> authenticate(String raw) {
		if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		String hash = RandomSecrets.sha256(raw);
		record Found(AccountUser user, Timestamp lastUsed) {
		}
		Optional<Found> found = jdbc.sql("""
				SELECT u.id, u.email, u.name, u.role, u.enabled, u.must_change_password, t.last_used_at
				FROM api_tokens t JOIN users u ON u.id = t.user_id
				WHERE t.token_hash = ? AND t.expires_at > ? AND u.enabled = TRUE AND u.deleted_at IS NULL""")
			.params(hash, Timestamp.from(now))
			.query((rs,
					n) -> new Found(new AccountUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
							Role.valueOf(rs.getString("role")), true, rs.getBoolean("must_change_password"), null),
							rs.getTimestamp("last_used_at")))
			.optional();
		// written after the read has given its connection back: a write inside the row
		// mapper took a second pooled connection while holding the first, and under load
		// every connection ended up waiting for another one
		found.filter(f -> f.lastUsed() == null || f.lastUsed().toInstant().isBefore(now.minusSeconds(60)))
			// at most one write a minute per token, not one per request
			.ifPresent(f -> jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?")
				.params(Timestamp.from(now), hash)
				.update());
		return found.map(Found::user);
	}

	void revoke(String raw) {
		jdbc.sql("DELETE FROM api_tokens WHERE token_hash = ?").param(RandomSecrets.sha256(raw)).update();
	}

}
