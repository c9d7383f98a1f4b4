package org.hostwright.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.hostwright.platform.RandomSecrets;
import org.springframework.stereotype.Repository;

/**
 * Single-use tokens sent by e-mail. Only the hash is stored; consuming is one conditional
 * UPDATE, so two clicks on the same link cannot both succeed.
 */
@Repository
class AccountTokens {

	enum Purpose {

		PASSWORD_RESET(Duration.ofMinutes(30)), EMAIL_VERIFICATION(Duration.ofDays(3)),
		/**
		 * The first password of an account someone else created (an agency's client): a
		 * week to open the mail.
		 */
		ACCOUNT_SETUP(Duration.ofDays(7));

		final Duration ttl;

		Purpose(Duration ttl) {
			this.ttl = ttl;
		}

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Issues a token; earlier unused tokens of the same purpose stop working. */
	String issue(long userId, Purpose purpose) {
		Instant now = Instant.now(clock);
		jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(now), userId, purpose.name())
			.update();
		String raw = RandomSecrets.token("");
		jdbc.sql("""
				INSERT INTO account_tokens (user_id, purpose, token_hash, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(userId, purpose.name(), RandomSecrets.sha256(raw), Timestamp.from(now),
					Timestamp.from(now.plus(purpose.ttl)))
			.update();
		return raw;
	}

	/**
	 * Whether the token is currently usable (without using it), for showing the reset
	 * form.
	 */
	boolean isValid(String raw, Purpose purpose) {
		return raw != null && jdbc.sql("""
				SELECT COUNT(*) FROM account_tokens
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(RandomSecrets.sha256(raw), purpose.name(), Timestamp.from(Instant.now(clock)))
			.query(Long.class)
			.single() > 0;
	}

	/** Uses the token once: the user id when it was valid, unused and not expired. */
	Optional<Long> consume(String raw, Purpose purpose) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		Instant now = Instant.now(clock);
		String hash = RandomSecrets.sha256(raw);
		int updated = jdbc.sql("""
				UPDATE account_tokens SET used_at = ?
				WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
			.params(Timestamp.from(now), hash, purpose.name(), Timestamp.from(now))
			.update();
		if (updated != 1) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT user_id FROM account_tokens WHERE token_hash = ?")
			.param(hash)
			.query(Long.class)
			.optional();
	}

}
