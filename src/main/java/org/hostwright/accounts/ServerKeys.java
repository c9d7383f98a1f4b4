package org.hostwright.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hostwright.platform.SecretVault;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Random keys the nodes must share (e.g. the device-cookie HMAC key): created by the
 * first node that needs one, kept in the database encrypted with the {@link SecretVault},
 * so a database dump alone cannot forge what they sign.
 */
@Repository
class ServerKeys {

	private final JdbcClient jdbc;

	private final SecretVault vault;

	private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

	private final SecureRandom random = new SecureRandom();

	ServerKeys(JdbcClient jdbc, SecretVault vault) {
		this.jdbc = jdbc;
		this.vault = vault;
	}

	/** The 256-bit key with this name, created on first use. */
	byte[] key(String name) {
		return cache.computeIfAbsent(name, this::loadOrCreate);
	}

	private byte[] loadOrCreate(String name) {
		String context = "server-key:" + name;
		var stored = jdbc.sql("select secret from server_keys where name = ?")
			.param(name)
			.query(String.class)
			.optional();
		if (stored.isEmpty()) {
			byte[] fresh = new byte[32];
			random.nextBytes(fresh);
			try {
				jdbc.sql("insert into server_keys (name, secret) values (?, ?)")
					.params(name, vault.encrypt(Base64.getEncoder().encodeToString(fresh), context))
					.update();
				return fresh;
			}
			catch (DuplicateKeyException ex) {
				// another node created it at the same moment: use theirs
				stored = jdbc.sql("select secret from server_keys where name = ?")
					.param(name)
					.query(String.class)
					.optional();
			}
		}
		return Base64.getDecoder().decode(vault.decrypt(stored.orElseThrow(), context));
	}

}
