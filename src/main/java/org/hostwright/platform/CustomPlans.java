package org.hostwright.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs list and search queries with plans made for the actual search term. The PostgreSQL
 * driver prepares a statement on the server after five uses, and PostgreSQL may then
 * switch to a generic plan that cannot know whether {@code ILIKE ?} matches ten rows or
 * half the table: measured with a million orders, that turned a 2 ms search into a 10 s
 * backward scan. {@code plan_cache_mode =
 * force_custom_plan}, set for the read-only transaction only, keeps the planner looking
 * at the value.
 */
@Repository
public class CustomPlans {

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final boolean postgres;

	CustomPlans(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) throws SQLException {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		try (Connection c = dataSource.getConnection()) {
			this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
	}

	public <T> T run(Supplier<T> query) {
		return readOnly.execute(status -> {
			if (postgres) {
				jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
			}
			return query.get();
		});
	}

}
