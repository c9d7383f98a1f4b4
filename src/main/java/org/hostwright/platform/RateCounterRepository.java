package org.hostwright.platform;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code rate_counters} table of {@link RateCounters}: one row per limiter, hashed
 * key and window. A hit is one statement that counts and answers the count, committed on
 * its own (the pool's auto-commit), outside any transaction of the caller: the window's
 * row is locked only while that statement runs and commits. One address's checkouts in a
 * sale all count on one row, so every statement more inside that lock (the count read
 * back after the update, the separate COMMIT) was time every other checkout waited, each
 * holding a pooled connection.
 */
@Repository
class RateCounterRepository {

	/** PostgreSQL: its MERGE (15) answers no rows, its upsert does. */
	private static final String HIT_POSTGRESQL = """
			insert into rate_counters (limiter, counter_key, window_start, window_end, hits)
			values (?, ?, ?, ?, 1)
			on conflict (limiter, counter_key, window_start) do update set hits = rate_counters.hits + 1
			returning hits""";

	/** H2: the standard MERGE, its row as it is after the statement. */
	private static final String HIT_STANDARD = """
			select hits from final table (merge into rate_counters t
			using (values (cast(? as varchar(40)), cast(? as varchar(64)), cast(? as bigint), cast(? as bigint)))
			  as s (limiter, counter_key, window_start, window_end)
			on t.limiter = s.limiter and t.counter_key = s.counter_key and t.window_start = s.window_start
			when matched then update set hits = t.hits + 1
			when not matched then insert (limiter, counter_key, window_start, window_end, hits)
			  values (s.limiter, s.counter_key, s.window_start, s.window_end, 1))""";

	private static final String HITS = "select hits from rate_counters where limiter = ? and counter_key = ? and window_start = ?";

	private final JdbcClient jdbc;

	private final TransactionTemplate outsideTransactions;

	private final String hit;

	RateCounterRepository(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		// a hit commits on its own, even when the caller is inside a transaction that
		// later rolls back, and never keeps the row locked until the caller commits
		this.outsideTransactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.hit = Databases.isPostgreSql(dataSource) ? HIT_POSTGRESQL : HIT_STANDARD;
	}

	/** Counts one hit in the window and returns the window's hits so far. */
	int hit(String limiter, String hashedKey, long windowStart, long windowEnd) {
		for (int attempt = 1;; attempt++) {
			try {
				Integer hits = outsideTransactions.execute(none -> jdbc.sql(hit)
					.params(limiter, hashedKey, windowStart, windowEnd)
					.query(Integer.class)
					.single());
				return hits == null ? 0 : hits;
			}
			catch (DuplicateKeyException ex) {
				// H2: two nodes inserted the same new window at once; the row exists now,
				// so merge again
				if (attempt >= 3) {
					throw ex;
				}
			}
		}
	}

	int hits(String limiter, String hashedKey, long windowStart) {
		return jdbc.sql(HITS).params(limiter, hashedKey, windowStart).query(Integer.class).optional().orElse(0);
	}

	void forget(String limiter, String hashedKey) {
		jdbc.sql("delete from rate_counters where limiter = ? and counter_key = ?").params(limiter, hashedKey).update();
	}

	int deleteEndedBy(long millis) {
		return jdbc.sql("delete from rate_counters where window_end <= ?").param(millis).update();
	}

}
