package org.hostwright.platform;

import java.util.List;
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

	CustomPlans(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.postgres = Databases.isPostgreSql(dataSource);
	}

	public <T> T run(Supplier<T> query) {
		return readOnly.execute(status -> {
			if (postgres) {
				jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
			}
			return query.get();
		});
	}

	/**
	 * One page of an admin list, read as {@link #run} reads: the page's rows, fetched one
	 * more than the page holds so the slice knows whether another follows, and the list's
	 * total counted up to {@link Slice#COUNT_CAP} rows of {@code countFrom} (a table, its
	 * alias and WHERE clause, with {@code countArgs}), or not counted at all for a text
	 * search ({@code counted} false).
	 */
	public <T> Slice<T> slice(int page, int size, PageRows<T> rows, boolean counted, String countFrom,
			List<Object> countArgs) {
		return run(() -> {
			List<T> found = rows.fetch(Slice.offset(page, size), size + 1);
			long total = counted ? jdbc
				.sql("SELECT COUNT(*) FROM (SELECT 1 FROM " + countFrom + " LIMIT " + (Slice.COUNT_CAP + 1) + ") t")
				.params(countArgs)
				.query(Long.class)
				.single() : Slice.UNKNOWN;
			return Slice.of(found, page, size, total);
		});
	}

	/** The rows of one page: at most {@code limit}, after skipping {@code offset}. */
	@FunctionalInterface
	public interface PageRows<T> {

		List<T> fetch(int offset, int limit);

	}

}
