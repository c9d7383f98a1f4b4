package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based SQL of the renewal step. A batch is the due subscriptions whose key (the
 * subscription, or the customer when same-day invoices are merged) is after
 * {@code :after} and at most {@code :upto}; both inserts read that same set under the
 * year's counter lock, so the invoices and their lines always agree. Tax and totals use
 * {@link TaxRule}'s formulas.
 */
@Repository
class RenewalStore {

	/**
	 * Subscriptions whose next period is in the window (its condition goes after) and not
	 * invoiced yet ({@link #DUE_NOT_INVOICED}); {@code s} may be joined to more tables
	 * before it.
	 */
	private static final String DUE_WHERE = """
			WHERE s.status = :active AND s.auto_renew = TRUE AND s.next_due_date <= :latest AND """;

	/**
	 * The customer's billing profile and tax rate (only the amounts need them: the key
	 * and credit reads of a batch do without the joins).
	 */
	private static final String TAXED = """
			LEFT JOIN billing_profiles p ON p.customer_id = s.customer_id
			LEFT JOIN tax_rates t ON t.country = p.country
			""";

	private static final String DUE_NOT_INVOICED = """

			  AND NOT EXISTS (SELECT 1 FROM invoice_lines l WHERE l.subscription_id = s.id AND l.period_start = s.next_due_date)
			""";

	private static final String RATE = "CASE WHEN p.tax_exempt = TRUE THEN 0 ELSE COALESCE(t.rate_bp, 0) END";

	/**
	 * The keys of the next batch: those after {@code after} up to {@code upto}, how many
	 * (at most the batch size).
	 */
	record Keys(long after, int count, long upto) {
	}

	/**
	 * One invoice the batch made that must be settled now (free, or the customer has
	 * credit).
	 */
	record Made(long invoiceId, long customerId, String currency, long total) {
	}

	private final JdbcClient jdbc;

	/**
	 * PostgreSQL writes a batch's invoices and lines in one statement (data-modifying
	 * CTEs); H2 has none, so it writes them with two.
	 */
	private final boolean postgres;

	RenewalStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = org.hostwright.platform.Databases.isPostgreSql(dataSource);
	}

	List<RenewalStep.Due> due(RenewalWindow w, int limit) {
		return params(jdbc.sql(
				"SELECT s.id, s.customer_id, s.description, s.next_due_date, s.next_period_end, s.price_minor, s.currency "
						+ due(w) + " ORDER BY s.next_due_date, s.id LIMIT " + Math.max(1, limit)),
				w)
			.query((rs, n) -> new RenewalStep.Due(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getLong(6), rs.getString(7)))
			.list();
	}

	/**
	 * The next batch's keys after {@code after}: each batch reads only its own range, so
	 * a run does not re-read the subscriptions the batches before it invoiced.
	 */
	Keys nextKeys(RenewalWindow w, boolean merge, long after, int batch) {
		String key = key(merge);
		return params(jdbc.sql("SELECT COUNT(*), COALESCE(MAX(k), 0) FROM (SELECT DISTINCT " + key + " AS k " + due(w)
				+ " AND " + key + " > :after ORDER BY k LIMIT :batch) x"), w)
			.param("after", after)
			.param("batch", batch)
			.query((rs, n) -> new Keys(after, rs.getInt(1), rs.getLong(2)))
			.single();
	}

	/** The batch's customers who have credit in the currency they are billed in. */
	List<Long> customersWithCredit(RenewalWindow w, boolean merge, Keys keys) {
		// joined to the ledger (most customers have no entry), not summed for every
		// subscription of the batch
		return range(params(jdbc.sql("SELECT DISTINCT x.customer_id FROM (SELECT s.id, s.customer_id "
				+ due(w, "JOIN credit_ledger c ON c.customer_id = s.customer_id AND c.currency = s.currency ") + " AND "
				+ inRange(merge) + " GROUP BY s.id, s.customer_id HAVING SUM(c.amount_minor) > 0) x"
				+ " ORDER BY x.customer_id"), w), keys)
			.query(Long.class)
			.list();
	}

	/** Locks the customers' billing profiles (the credit lock), in id order. */
	void lockProfiles(List<Long> customerIds) {
		if (!customerIds.isEmpty()) {
			jdbc.sql(
					"SELECT customer_id FROM billing_profiles WHERE customer_id IN (:ids) ORDER BY customer_id FOR UPDATE")
				.param("ids", customerIds)
				.query(Long.class)
				.list();
		}
	}

	/**
	 * Writes the batch's invoices, numbered after {@code block}, and their lines; answers
	 * how many invoices. On PostgreSQL one statement reads the batch's subscriptions once
	 * and writes both (the lines join the invoices it returns); elsewhere two, each
	 * reading the batch under the same counter lock.
	 */
	int insert(RenewalWindow w, boolean merge, Keys keys, InvoiceNumbers.Block block, BillingSettings s, Instant now) {
		if (postgres) {
			return insertTogether(w, merge, keys, block, s, now);
		}
		int made = insertInvoices(w, merge, keys, block, s, now);
		if (made > 0) {
			insertLines(w, merge, keys, block, s);
		}
		return made;
	}

	private static final String INVOICE_COLUMNS = """
			INSERT INTO invoices (number, number_year, number_prefix, number_seq, customer_id, currency, status, subtotal_minor,
			  tax_minor, total_minor, amount_paid_minor, issued_at, due_date, subscription_id, period_start, prices_include_tax,
			  customer_country, customer_tax_id, business_name, business_address, business_tax_id, created_at, updated_at)
			""";

	/**
	 * The invoice's values from {@code g}, a group of the batch with its {@code seq}. A
	 * sequence number past six digits is written whole, as {@link InvoiceNumbers#format}
	 * does (LPAD would cut it).
	 */
	private static final String INVOICE_VALUES = """
			SELECT CAST(:numberStart AS VARCHAR(30)) || CASE WHEN g.seq < 1000000 THEN LPAD(CAST(g.seq AS VARCHAR(20)), 6, '0')
			    ELSE CAST(g.seq AS VARCHAR(20)) END, CAST(:year AS INT),
			  CAST(:prefix AS VARCHAR(20)), g.seq, g.customer_id, g.currency, CAST(:unpaid AS VARCHAR(16)), g.net,
			  g.total - g.net, g.total, 0, CAST(:now AS TIMESTAMP WITH TIME ZONE), g.next_due_date, g.subscription_id,
			  g.period_start, CAST(:incl AS BOOLEAN), g.country, g.tax_id, CAST(:businessName AS VARCHAR(200)),
			  CAST(:businessAddress AS VARCHAR(1000)), CAST(:businessTaxId AS VARCHAR(60)),
			  CAST(:now AS TIMESTAMP WITH TIME ZONE), CAST(:now AS TIMESTAMP WITH TIME ZONE)
			""";

	private static final String LINE_COLUMNS = """
			INSERT INTO invoice_lines (invoice_id, position, description, subscription_id, service_kind, service_id, period_start,
			  period_end, quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor)
			""";

	/**
	 * PostgreSQL: the batch's subscriptions with their amounts, invoice number and line
	 * position read once ({@code r}), the invoices written from its groups, the lines
	 * from its rows joined to the invoices just written (by number).
	 */
	private int insertTogether(RenewalWindow w, boolean merge, Keys keys, InvoiceNumbers.Block block, BillingSettings s,
			Instant now) {
		String groups = "SELECT r.seq, r.customer_id, r.currency, r.next_due_date, r.country, r.tax_id, "
				+ "SUM(r.net) AS net, SUM(r.total) AS total, "
				+ "CASE WHEN COUNT(*) = 1 THEN MIN(r.sid) ELSE NULL END AS subscription_id, "
				+ "CASE WHEN COUNT(*) = 1 THEN MIN(r.next_due_date) ELSE NULL END AS period_start FROM r "
				+ "GROUP BY r.seq, r.customer_id, r.currency, r.next_due_date, r.country, r.tax_id";
		String sql = "WITH r AS MATERIALIZED (" + ranked(w, merge, s) + "), ins AS (" + INVOICE_COLUMNS + INVOICE_VALUES
				+ " FROM (" + groups + ") g ORDER BY g.seq RETURNING id, number_seq), made AS (" + LINE_COLUMNS
				+ """
						SELECT ins.id, r.pos, r.description, r.sid, r.source_kind, r.source_id, r.next_due_date, r.next_period_end, 1,
						  r.price_minor, r.rate_bp, r.total - r.net, r.total
						FROM r JOIN ins ON ins.number_seq = r.seq RETURNING 1)
						SELECT (SELECT COUNT(*) FROM ins), (SELECT COUNT(*) FROM made)""";
		return range(invoiceParams(params(jdbc.sql(sql), w), block, s, now), keys).query((rs, n) -> rs.getInt(1))
			.single();
	}

	/** Writes the batch's invoices, numbered after {@code block}; answers how many. */
	private int insertInvoices(RenewalWindow w, boolean merge, Keys keys, InvoiceNumbers.Block block, BillingSettings s,
			Instant now) {
		String groups = merge ? "customer_id, currency, next_due_date, country, tax_id"
				: "sid, customer_id, currency, next_due_date, country, tax_id";
		String grouped = "SELECT " + groups + ", SUM(a.net) AS net, SUM(a.total) AS total, "
				+ "CASE WHEN COUNT(*) = 1 THEN MIN(a.sid) ELSE NULL END AS subscription_id, "
				+ "CASE WHEN COUNT(*) = 1 THEN MIN(a.next_due_date) ELSE NULL END AS period_start FROM ("
				+ amounts(w, merge, s) + ") a GROUP BY " + groups;
		String numbered = "SELECT x.*, CAST(:last AS BIGINT) + ROW_NUMBER() OVER (ORDER BY " + order(merge, "x.")
				+ ") AS seq FROM (" + grouped + ") x";
		return range(invoiceParams(params(jdbc.sql(INVOICE_COLUMNS + INVOICE_VALUES + " FROM (" + numbered + ") g"), w),
				block, s, now), keys)
			.update();
	}

	private static JdbcClient.StatementSpec invoiceParams(JdbcClient.StatementSpec spec, InvoiceNumbers.Block block,
			BillingSettings s, Instant now) {
		return spec.param("numberStart", block.prefix() + block.year() + "-")
			.param("year", block.year())
			.param("prefix", block.prefix())
			.param("unpaid", InvoiceStatus.UNPAID.wire())
			.param("now", Timestamp.from(now))
			.param("incl", s.pricesIncludeTax())
			.param("businessName", s.businessName())
			.param("businessAddress", s.businessAddress())
			.param("businessTaxId", s.businessTaxId())
			.param("last", block.last());
	}

	/**
	 * Writes one line per subscription of the batch, on the invoice of its group (the
	 * groups are numbered in the same order as the invoices were).
	 */
	private int insertLines(RenewalWindow w, boolean merge, Keys keys, InvoiceNumbers.Block block, BillingSettings s) {
		return range(params(jdbc.sql(LINE_COLUMNS
				+ """
						SELECT i.id, r.pos, r.description, r.sid, r.source_kind, r.source_id, r.next_due_date, r.next_period_end, 1,
						  r.price_minor, r.rate_bp, r.total - r.net, r.total
						"""
				+ " FROM (" + ranked(w, merge, s) + ") r JOIN invoices i ON i.number_year = :year"
				+ " AND i.number_prefix = :prefix AND i.number_seq = r.seq"), w)
			.param("year", block.year())
			.param("prefix", block.prefix())
			.param("last", block.last()), keys).update();
	}

	/**
	 * The invoices numbered {@code first + 1 .. last} that are free or belong to one of
	 * the customers with credit.
	 */
	List<Made> toSettle(InvoiceNumbers.Block block, long last, List<Long> withCredit) {
		String credit = withCredit.isEmpty() ? "" : " OR customer_id IN (:ids)";
		var sql = jdbc.sql("SELECT id, customer_id, currency, total_minor FROM invoices WHERE number_year = :year"
				+ " AND number_prefix = :prefix AND number_seq > :first AND number_seq <= :last AND (total_minor = 0"
				+ credit + ") ORDER BY number_seq")
			.param("year", block.year())
			.param("prefix", block.prefix())
			.param("first", block.last())
			.param("last", last);
		if (!withCredit.isEmpty()) {
			sql = sql.param("ids", withCredit);
		}
		return sql.query((rs, n) -> new Made(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list();
	}

	/**
	 * The batch's subscriptions with their amounts, the number of their invoice
	 * ({@code seq}: the groups numbered in order after {@code :last}) and their line's
	 * position on it ({@code pos}).
	 */
	private static String ranked(RenewalWindow w, boolean merge, BillingSettings s) {
		return "SELECT a.*, CAST(:last AS BIGINT) + DENSE_RANK() OVER (ORDER BY " + order(merge, "a.")
				+ ") AS seq, ROW_NUMBER() OVER (PARTITION BY " + order(merge, "a.") + " ORDER BY a.sid) AS pos FROM ("
				+ amounts(w, merge, s) + ") a";
	}

	/** The batch's subscriptions with their tax rate, line net and total. */
	private static String amounts(RenewalWindow w, boolean merge, BillingSettings s) {
		String amounts = s.pricesIncludeTax()
				? "(2 * d.price_minor * 10000 + (10000 + d.rate_bp)) / (2 * (10000 + d.rate_bp)) AS net, d.price_minor AS total"
				: "d.price_minor AS net, d.price_minor + (2 * d.price_minor * d.rate_bp + 10000) / 20000 AS total";
		return "SELECT d.*, " + amounts + " FROM (SELECT s.id AS sid, s.customer_id, s.currency, s.price_minor, "
				+ "s.next_due_date, s.next_period_end, s.description, s.source_kind, s.source_id, p.country, p.tax_id, "
				+ RATE + " AS rate_bp " + due(w, TAXED) + " AND " + inRange(merge) + ") d";
	}

	private static String due(RenewalWindow w) {
		return due(w, "");
	}

	/** The due subscriptions {@code s}, joined to {@code joins}. */
	private static String due(RenewalWindow w, String joins) {
		// a text block drops trailing spaces: the condition is set apart here
		return "FROM billing_subscriptions s " + joins + DUE_WHERE + " " + w.condition() + DUE_NOT_INVOICED;
	}

	/** What a batch is cut on: whole customers when their invoices are merged. */
	private static String key(boolean merge) {
		return merge ? "s.customer_id" : "s.id";
	}

	private static String inRange(boolean merge) {
		return key(merge) + " > :after AND " + key(merge) + " <= :upto";
	}

	private static JdbcClient.StatementSpec range(JdbcClient.StatementSpec spec, Keys keys) {
		return spec.param("after", keys.after()).param("upto", keys.upto());
	}

	/** The order the invoices are numbered in: by group. */
	private static String order(boolean merge, String alias) {
		return merge ? alias + "customer_id, " + alias + "currency, " + alias + "next_due_date" : alias + "sid";
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, RenewalWindow w) {
		JdbcClient.StatementSpec with = spec.param("active", "active");
		for (Map.Entry<String, Object> e : w.params().entrySet()) {
			with = with.param(e.getKey(), e.getValue());
		}
		return with;
	}

}
