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
 * key and window. A hit is one atomic {@code MERGE} (standard SQL, the same on H2 and
 * PostgreSQL 15) followed by a read in the same short transaction of its own, whose row
 * lock makes concurrent hits on one key count one after the other.
 */
@Repository
class RateCounterRepository {

	private static final String HIT = """
			merge into rate_counters t
			using (values (cast(? as varchar(40)), cast(? as varchar(64)), cast(? as bigint), cast(? as bigint)))
			  as s (limiter, counter_key, window_start, window_end)
			on t.limiter = s.limiter and t.counter_key = s.counter_key and t.window_start = s.window_start
			when matched then update set hits = t.hits + 1
			when not matched then insert (limiter, counter_key, window_start, window_end, hits)
			  values (s.limiter, s.counter_key, s.window_start, s.window_end, 1)""";

	private static final String HITS = "select hits from rate_counters where limiter = ? and counter_key = ? and window_start = ?";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	RateCounterRepository(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
		// a hit commits on its own, even when the caller is inside a transaction that
		// later rolls back
		this.ownTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Counts one hit in the window and returns the window's hits so far. */
	int hit(String limiter, String hashedKey, long windowStart, long windowEnd) {
		for (int attempt = 1;; attempt++) {
			try {
				Integer hits = ownTransaction.execute(tx -> {
					jdbc.sql(HIT).params(limiter, hashedKey, windowStart, windowEnd).update();
					return jdbc.sql(HITS).params(limiter, hashedKey, windowStart).query(Integer.class).single();
				});
				return hits == null ? 0 : hits;
			}
			catch (DuplicateKeyException ex) {
				// two nodes inserted the same new window at once: the row exists now, so
				// merge again
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
