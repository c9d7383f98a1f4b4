package org.hostwright.billing;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless numbering: the year's counter row is locked in the issuing transaction, so
 * numbers are handed out one transaction at a time and a rolled-back issue gives its
 * numbers back.
 */
@Repository
class InvoiceNumbers {

	/**
	 * A reserved range: numbers {@code last + 1 .. last + count} of {@code year} with
	 * {@code prefix}.
	 */
	record Block(int year, String prefix, long last) {

		String format(long seq) {
			return InvoiceNumbers.format(prefix, year, seq);
		}

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate separate;

	/** PostgreSQL's upsert, or H2's MERGE, for {@link #next}. */
	private final boolean postgres;

	InvoiceNumbers(JdbcClient jdbc, PlatformTransactionManager transactions, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = org.hostwright.platform.Databases.isPostgreSql(dataSource);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Locks the counter (creating it when the year starts) and answers the last number
	 * given.
	 */
	Block lock(int year, String prefix) {
		if (jdbc.sql("SELECT COUNT(*) FROM invoice_counters WHERE number_year = ? AND prefix = ?")
			.params(year, prefix)
			.query(Integer.class)
			.single() == 0) {
			create(year, prefix);
		}
		long last = jdbc.sql("SELECT last_number FROM invoice_counters WHERE number_year = ? AND prefix = ? FOR UPDATE")
			.params(year, prefix)
			.query(Long.class)
			.single();
		return new Block(year, prefix, last);
	}

	/**
	 * The year's row is created in its own transaction: two first issues of a year race
	 * harmlessly.
	 */
	private void create(int year, String prefix) {
		try {
			separate.executeWithoutResult(s -> jdbc
				.sql("""
						INSERT INTO invoice_counters (number_year, prefix, last_number)
						SELECT ?, ?, 0 WHERE NOT EXISTS (SELECT 1 FROM invoice_counters WHERE number_year = ? AND prefix = ?)""")
				.params(year, prefix, year, prefix)
				.update());
		}
		catch (DuplicateKeyException ex) {
			// the other one created it
		}
	}

	/**
	 * Takes the year's next number: one statement that creates the year's counter when
	 * the year starts, or else locks it and moves it, and answers the number. The lock is
	 * held until the caller's transaction ends, so an issue takes its number as its last
	 * step. The counter is never created in a transaction of its own here: at the first
	 * issues of a year every checkout would then hold its connection while waiting for a
	 * second one, and under a sale the pool ran dry (checkouts failed after 30 s).
	 */
	long next(int year, String prefix) {
		if (postgres) {
			// a second issue racing the creation waits for the first one's commit, then
			// updates the row
			return jdbc.sql("""
					INSERT INTO invoice_counters (number_year, prefix, last_number) VALUES (?, ?, 1)
					ON CONFLICT (number_year, prefix) DO UPDATE SET last_number = invoice_counters.last_number + 1
					RETURNING last_number""").params(year, prefix).query(Long.class).single();
		}
		try {
			return h2Next(year, prefix);
		}
		catch (DuplicateKeyException ex) {
			// H2: another issue created the year's row at the same moment; it exists now
			// (H2 undoes only the failed statement)
			return h2Next(year, prefix);
		}
	}

	private long h2Next(int year, String prefix) {
		return jdbc
			.sql("""
					SELECT last_number FROM FINAL TABLE (MERGE INTO invoice_counters c
					  USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR(20)))) v(number_year, prefix)
					  ON c.number_year = v.number_year AND c.prefix = v.prefix
					  WHEN MATCHED THEN UPDATE SET last_number = c.last_number + 1
					  WHEN NOT MATCHED THEN INSERT (number_year, prefix, last_number) VALUES (v.number_year, v.prefix, 1))""")
			.params(year, prefix)
			.query(Long.class)
			.single();
	}

	/** Moves the locked counter forward by the numbers used. */
	void use(Block block, long count) {
		jdbc.sql("UPDATE invoice_counters SET last_number = ? WHERE number_year = ? AND prefix = ?")
			.params(block.last() + count, block.year(), block.prefix())
			.update();
	}

	static String format(String prefix, int year, long seq) {
		return prefix + year + "-" + String.format("%06d", seq);
	}

}
