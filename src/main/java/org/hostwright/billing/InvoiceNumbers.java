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

	InvoiceNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
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
	 * Takes the year's next number: one UPDATE that locks the counter (created when the
	 * year starts) and moves it, then the number read back. The lock is held until the
	 * caller's transaction ends, so an issue takes its number as its last step.
	 */
	long next(int year, String prefix) {
		if (advance(year, prefix) == 0) {
			create(year, prefix);
			advance(year, prefix);
		}
		return jdbc.sql("SELECT last_number FROM invoice_counters WHERE number_year = ? AND prefix = ?")
			.params(year, prefix)
			.query(Long.class)
			.single();
	}

	private int advance(int year, String prefix) {
		return jdbc
			.sql("UPDATE invoice_counters SET last_number = last_number + 1 WHERE number_year = ? AND prefix = ?")
			.params(year, prefix)
			.update();
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
