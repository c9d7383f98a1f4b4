package org.hostwright.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's authentication holds one pooled connection at a time. It used to write the
 * token's last use from inside the read's row mapper, taking a second connection while
 * holding the first: under a sale every connection of the pool waited for another one and
 * checkouts failed after the pool's 30 s timeout. A pool of one connection shows it at
 * once.
 */
class ApiTokenConnectionsTests {

	private HikariDataSource pool;

	private ApiTokens tokens;

	@BeforeEach
	void onePooledConnection() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:mem:tokens-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		config.setMaximumPoolSize(1);
		config.setConnectionTimeout(250);
		pool = new HikariDataSource(config);
		JdbcClient jdbc = JdbcClient.create(pool);
		jdbc.sql("""
				CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(254) NOT NULL, name VARCHAR(120) NOT NULL,
				  role VARCHAR(16) NOT NULL, enabled BOOLEAN NOT NULL, must_change_password BOOLEAN NOT NULL,
				  deleted_at TIMESTAMP WITH TIME ZONE)""").update();
		jdbc.sql("""
				CREATE TABLE api_tokens (user_id BIGINT NOT NULL, token_hash VARCHAR(64) NOT NULL,
				  created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
				  last_used_at TIMESTAMP WITH TIME ZONE)""").update();
		jdbc.sql("INSERT INTO users VALUES (1, 'a@example.com', 'A', ?, TRUE, FALSE, NULL)")
			.param(Role.CUSTOMER.name())
			.update();
		Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
		tokens = new ApiTokens(jdbc, clock, new AccountsProperties(Duration.ofDays(30), null, null, null, null));
	}

	@AfterEach
	void close() {
		pool.close();
	}

	@Test
	void aTokenNotUsedForAMinuteIsAuthenticatedAndStampedWithOneConnection() {
		String raw = tokens.issue(1).token();

		assertThat(tokens.authenticate(raw)).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(1));
		assertThat(JdbcClient.create(pool)
			.sql("SELECT last_used_at FROM api_tokens")
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
		// used again within the minute: no second write, still authenticated
		assertThat(tokens.authenticate(raw)).isPresent();
		assertThat(tokens.authenticate(raw + "x")).isEmpty();
	}

}
