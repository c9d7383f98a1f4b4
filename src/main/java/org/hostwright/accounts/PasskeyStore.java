package org.hostwright.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Repository;

/**
 * Passkeys: Spring Security's JDBC repositories over {@code user_entities} and
 * {@code user_credentials} (a user entity's name is the account's e-mail), and the list
 * and removal the security page needs.
 */
@Repository
class PasskeyStore {

	/** A passkey as its owner sees it. */
	record Passkey(String credentialId, String label, Instant created, Instant lastUsed) {
	}

	private final JdbcClient jdbc;

	private final PublicKeyCredentialUserEntityRepository userEntities;

	private final UserCredentialRepository credentials;

	PasskeyStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.userEntities = new JdbcPublicKeyCredentialUserEntityRepository(template);
		this.credentials = new JdbcUserCredentialRepository(template);
	}

	PublicKeyCredentialUserEntityRepository userEntities() {
		return userEntities;
	}

	UserCredentialRepository credentials() {
		return credentials;
	}

	List<Passkey> list(String email) {
		return jdbc.sql("""
				SELECT c.credential_id, c.label, c.created, c.last_used FROM user_credentials c
				JOIN user_entities e ON e.id = c.user_entity_user_id WHERE e.name = ? ORDER BY c.created""")
			.param(email)
			.query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
					instant(rs.getTimestamp(4))))
			.list();
	}

	/** Removes one of the account's passkeys; false when it has no such passkey. */
	boolean delete(String email, String credentialId) {
		return jdbc.sql("""
				DELETE FROM user_credentials WHERE credential_id = ? AND user_entity_user_id IN
				(SELECT id FROM user_entities WHERE name = ?)""").params(credentialId, email).update() == 1;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
