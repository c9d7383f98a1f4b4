package org.hostwright.billing;

import javax.sql.DataSource;

import org.hostwright.platform.Databases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

	/** PostgreSQL's upsert, or H2's MERGE, for {@link #advance}. */
	private final boolean postgres;

	InvoiceNumbers(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgreSql(dataSource);
	}

	/**
	 * Locks the counter (created when the year starts) and answers the last number given:
	 * a batch of renewals takes a range of numbers ({@link #use}).
	 */
	Block lock(int year, String prefix) {
		return new Block(year, prefix, advance(year, prefix, 0));
	}

	/**
	 * Takes the year's next number: the counter is locked and moved, and the lock is held
	 * until the caller's transaction ends, so an issue takes its number as its last step.
	 */
	long next(int year, String prefix) {
		return advance(year, prefix, 1);
	}

	/**
	 * One statement that creates the year's counter when the year starts, or else locks
	 * it and moves it by {@code step}, and answers its last number. The counter is never
	 * created in a transaction of its own: at the first issues of a year every checkout
	 * would then hold its connection while waiting for a second one, and under a sale the
	 * pool ran dry (checkouts failed after 30 s).
	 */
	private long advance(int year, String prefix, int step) {
		if (postgres) {
			// an issue racing the creation waits for the first one's commit, then updates
			// the row
			return jdbc.sql("""
					INSERT INTO invoice_counters (number_year, prefix, last_number) VALUES (?, ?, ?)
					ON CONFLICT (number_year, prefix) DO UPDATE SET last_number = invoice_counters.last_number + ?
					RETURNING last_number""").params(year, prefix, step, step).query(Long.class).single();
		}
		try {
			return h2Advance(year, prefix, step);
		}
		catch (DuplicateKeyException ex) {
			// H2: another issue created the year's row at the same moment; it exists now
			// (H2 undoes only the failed statement)
			return h2Advance(year, prefix, step);
		}
	}

	private long h2Advance(int year, String prefix, int step) {
		return jdbc
			.sql("""
					SELECT last_number FROM FINAL TABLE (MERGE INTO invoice_counters c
					  USING (VALUES (CAST(? AS INT), CAST(? AS VARCHAR(20)), CAST(? AS BIGINT))) v(number_year, prefix, step)
					  ON c.number_year = v.number_year AND c.prefix = v.prefix
					  WHEN MATCHED THEN UPDATE SET last_number = c.last_number + v.step
					  WHEN NOT MATCHED THEN INSERT (number_year, prefix, last_number) VALUES (v.number_year, v.prefix, v.step))""")
			.params(year, prefix, step)
			.query(Long.class)
			.single();
	}

	/**
	 * Takes the year's next number and writes it on the invoice. From here the counter
	 * stays locked until the commit and every other issue waits, so on PostgreSQL this is
	 * one statement: in a sale, checkouts waited 13 to 28 ms each for the counter while
	 * the one holding it made its round trips (take the number, write it, look up credit,
	 * commit) on a busy machine.
	 * @return the number's sequence in its year
	 */
	long numberInvoice(long invoiceId, int year, String prefix) {
		if (!postgres) {
			long seq = next(year, prefix);
			write(invoiceId, year, prefix, seq);
			return seq;
		}
		// the number's text as format(...) makes it: at least six digits
		return jdbc.sql("""
				WITH c AS (
				  INSERT INTO invoice_counters (number_year, prefix, last_number) VALUES (:year, :prefix, 1)
				  ON CONFLICT (number_year, prefix) DO UPDATE SET last_number = invoice_counters.last_number + 1
				  RETURNING last_number)
				UPDATE invoices SET number_year = :year, number_prefix = :prefix, number_seq = c.last_number,
				  number = :prefix || CAST(:year AS TEXT) || '-'
				    || lpad(CAST(c.last_number AS TEXT), greatest(6, length(CAST(c.last_number AS TEXT))), '0')
				FROM c WHERE invoices.id = :id
				RETURNING c.last_number""")
			.param("year", year)
			.param("prefix", prefix)
			.param("id", invoiceId)
			.query(Long.class)
			.single();
	}

	private void write(long invoiceId, int year, String prefix, long seq) {
		jdbc.sql("UPDATE invoices SET number = ?, number_year = ?, number_prefix = ?, number_seq = ? WHERE id = ?")
			.params(format(prefix, year, seq), year, prefix, seq, invoiceId)
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
