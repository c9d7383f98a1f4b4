package org.hostwright.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The second-factor tables: {@code user_totp} (the authenticator secret, encrypted, and
 * the last time step used), {@code user_recovery_codes} (hashed), and Spring Security's
 * passkey tables, read only.
 */
@Repository
class SecondFactorRepository {

	private final JdbcClient jdbc;

	SecondFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's authenticator secret as stored (encrypted) and the last step used. */
	record StoredTotp(String encryptedSecret, long lastStep) {
	}

	boolean hasTotp(long userId) {
		return jdbc.sql("select count(*) from user_totp where user_id = ?")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	boolean hasPasskey(long userId) {
		return jdbc.sql("""
				select count(*) from user_credentials c join user_entities e on e.id = c.user_entity_user_id
				join users u on u.email = e.name where u.id = ?""").param(userId).query(Long.class).single() > 0;
	}

	int recoveryCodesLeft(long userId) {
		return jdbc.sql("select count(*) from user_recovery_codes where user_id = ? and used_at is null")
			.param(userId)
			.query(Long.class)
			.single()
			.intValue();
	}

	Optional<StoredTotp> totp(long userId) {
		return jdbc.sql("select secret, last_step from user_totp where user_id = ?")
			.param(userId)
			.query((rs, n) -> new StoredTotp(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	/** Replaces the user's authenticator secret. */
	void replaceTotp(long userId, String encryptedSecret, long step, Instant at) {
		jdbc.sql("delete from user_totp where user_id = ?").param(userId).update();
		jdbc.sql("insert into user_totp (user_id, secret, last_step, created_at) values (?, ?, ?, ?)")
			.params(userId, encryptedSecret, step, Timestamp.from(at))
			.update();
	}

	/** Deletes the user's authenticator secret; whether there was one. */
	boolean deleteTotp(long userId) {
		return jdbc.sql("delete from user_totp where user_id = ?").param(userId).update() > 0;
	}

	/**
	 * Moves the last step used forward; false when the step was already used, so a code
	 * is good once even for two requests at the same moment.
	 */
	boolean useStep(long userId, long step) {
		return jdbc.sql("update user_totp set last_step = ? where user_id = ? and last_step < ?")
			.params(step, userId, step)
			.update() == 1;
	}

	void deleteRecoveryCodes(long userId) {
		jdbc.sql("delete from user_recovery_codes where user_id = ?").param(userId).update();
	}

	void insertRecoveryCodes(long userId, List<String> hashes) {
		for (String hash : hashes) {
			jdbc.sql("insert into user_recovery_codes (user_id, code_hash) values (?, ?)")
				.params(userId, hash)
				.update();
		}
	}

	/** Spends an unused recovery code; false when there is none with this hash. */
	boolean spendRecoveryCode(long userId, String hash, Instant at) {
		return jdbc
			.sql("update user_recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(at), userId, hash)
			.update() == 1;
	}

	/** Signs the user out of every remembered browser. */
	void forgetRememberedLogins(String email) {
		jdbc.sql("delete from persistent_logins where username = ?").param(email).update();
	}

}
