package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The credit_ledger table: + money the business owes the customer, − credit used on an
 * invoice.
 */
@Repository
class CreditLedger {

	private final JdbcClient jdbc;

	CreditLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long customerId, String currency, long amount, String reason, Long invoiceId, Instant now) {
		jdbc.sql(
				"INSERT INTO credit_ledger (customer_id, currency, amount_minor, reason, invoice_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(customerId, currency, amount, reason.length() > 300 ? reason.substring(0, 300) : reason, invoiceId,
					Timestamp.from(now))
			.update();
	}

	long balance(long customerId, String currency) {
		return jdbc
			.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM credit_ledger WHERE customer_id = ? AND currency = ?")
			.params(customerId, currency)
			.query(Long.class)
			.single();
	}

	/** Currency → balance, for every currency the customer ever had credit in. */
	Map<String, Long> balances(long customerId) {
		Map<String, Long> all = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT currency, SUM(amount_minor) FROM credit_ledger WHERE customer_id = ? GROUP BY currency ORDER BY currency")
			.param(customerId)
			.query(rs -> {
				all.put(rs.getString(1), rs.getLong(2));
			});
		return all;
	}

}
