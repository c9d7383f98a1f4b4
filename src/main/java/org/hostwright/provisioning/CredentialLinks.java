package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hostwright.platform.RandomSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use links that show a service's panel password once, after the owner signs in.
 * Only the SHA-256 of the token is stored, so neither the database nor the outbox ever
 * holds something that reveals the password by itself.
 */
@Repository
class CredentialLinks {

	private final JdbcClient jdbc;

	private final ProvisioningProperties properties;

	private final Clock clock;

	CredentialLinks(JdbcClient jdbc, ProvisioningProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Issues a token (in the caller's transaction) and returns it. */
	String issue(long serviceId) {
		String token = RandomSecrets.token("");
		Instant now = Instant.now(clock);
		jdbc.sql(
				"INSERT INTO service_credential_links (service_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)")
			.params(serviceId, hash(token), Timestamp.from(now.plus(properties.credentialsLinkTtl())),
					Timestamp.from(now))
			.update();
		return token;
	}

	/**
	 * Marks the token used; false when it is unknown, for another service, used or
	 * expired.
	 */
	boolean consume(long serviceId, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		Instant now = Instant.now(clock);
		return jdbc.sql(
				"UPDATE service_credential_links SET used_at = ? WHERE token_hash = ? AND service_id = ? AND used_at IS NULL AND expires_at > ?")
			.params(Timestamp.from(now), hash(token), serviceId, Timestamp.from(now))
			.update() == 1;
	}

	static String hash(String token) {
		return RandomSecrets.sha256(token);
	}

}
