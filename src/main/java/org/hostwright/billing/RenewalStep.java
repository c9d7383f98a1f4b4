package org.hostwright.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Renewal invoices, set-based: each batch locks the year's number counter, inserts the
 * invoices of up to {@link #BATCH} due subscriptions with one INSERT … SELECT (numbers,
 * tax and totals computed in SQL with {@link TaxRule}'s formulas) and their lines with a
 * second, then moves the counter. A subscription's period is invoiced once: the unique
 * (subscription_id, period_start) key stops a second run, node or retry, and the counter
 * lock makes concurrent runs take turns.
 */
@Component
class RenewalStep implements BillingStep {

	private static final Logger log = LoggerFactory.getLogger(RenewalStep.class);

	static final int BATCH = 2_000;

	/**
	 * SubscriptionStore whose next period is to be invoiced by {@code :horizon} and is
	 * not yet.
	 */
	private static final String DUE = """
			FROM billing_subscriptions s
			LEFT JOIN billing_profiles p ON p.customer_id = s.customer_id
			LEFT JOIN tax_rates t ON t.country = p.country
			WHERE s.status = :active AND s.auto_renew = TRUE AND s.next_due_date <= :horizon
			  AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.subscription_id = s.id AND i.period_start = s.next_due_date)
			""";

	private static final String RATE = "CASE WHEN p.tax_exempt = TRUE THEN 0 ELSE COALESCE(t.rate_bp, 0) END";

	private final JdbcClient jdbc;

	private final InvoiceNumbers numbers;

	private final SettingsStore settings;

	private final TransactionTemplate tx;

	private final Clock clock;

	RenewalStep(JdbcClient jdbc, InvoiceNumbers numbers, SettingsStore settings, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.settings = settings;
		this.tx = tx;
		this.clock = clock;
	}

	/** A renewal the run would invoice. */
	record Due(long subscriptionId, long customerId, String description, LocalDate periodStart, LocalDate periodEnd,
			long priceMinor, String currency) {
	}

	@Override
	public String name() {
		return "invoices";
	}

	@Override
	public List<Due> plan(LocalDate date, int limit) {
		return jdbc.sql(
				"SELECT s.id, s.customer_id, s.description, s.next_due_date, s.next_period_end, s.price_minor, s.currency "
						+ DUE + " ORDER BY s.id LIMIT " + Math.max(1, limit))
			.param("active", "active")
			.param("horizon", Date.valueOf(horizon(date)))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getDate(5).toLocalDate(), rs.getLong(6), rs.getString(7)))
			.list();
	}

	@Override
	public int execute(LocalDate date) {
		int total = 0;
		while (true) {
			Integer made = tx.execute(s -> batch(date));
			total += made;
			if (made < BATCH) {
				return total;
			}
		}
	}

	private LocalDate horizon(LocalDate date) {
		return date.plusDays(settings.current().renewalLeadDays());
	}

	private int batch(LocalDate date) {
		BillingSettings s = settings.current();
		InvoiceNumbers.Block block = numbers.lock(date.getYear(), s.invoicePrefix());
		Instant now = Instant.now(clock);
		String amounts = s.pricesIncludeTax()
				? "(2 * d.price_minor * 10000 + (10000 + d.rate_bp)) / (2 * (10000 + d.rate_bp)) AS net, d.price_minor AS total"
				: "d.price_minor AS net, d.price_minor + (2 * d.price_minor * d.rate_bp + 10000) / 20000 AS total";
		String due = "SELECT s.id, s.customer_id, s.currency, s.price_minor, s.next_due_date, p.country, p.tax_id, "
				+ RATE + " AS rate_bp " + DUE + " ORDER BY s.id LIMIT :batch";
		String numbered = "SELECT a.*, CAST(:last AS BIGINT) + ROW_NUMBER() OVER (ORDER BY a.id) AS seq FROM (SELECT d.*, "
				+ amounts + " FROM (" + due + ") d) a";
		int made = jdbc
			.sql("""
					INSERT INTO invoices (number, number_year, number_prefix, number_seq, customer_id, currency, status, subtotal_minor,
					  tax_minor, total_minor, amount_paid_minor, issued_at, due_date, subscription_id, period_start, prices_include_tax,
					  customer_country, customer_tax_id, business_name, business_address, business_tax_id, created_at, updated_at)
					SELECT CAST(:numberStart AS VARCHAR(30)) || LPAD(CAST(r.seq AS VARCHAR(20)), 6, '0'), CAST(:year AS INT),
					  CAST(:prefix AS VARCHAR(20)), r.seq, r.customer_id, r.currency, CAST(:unpaid AS VARCHAR(16)), r.net,
					  r.total - r.net, r.total, 0, CAST(:now AS TIMESTAMP WITH TIME ZONE), r.next_due_date, r.id, r.next_due_date,
					  CAST(:incl AS BOOLEAN), r.country, r.tax_id, CAST(:businessName AS VARCHAR(200)),
					  CAST(:businessAddress AS VARCHAR(1000)), CAST(:businessTaxId AS VARCHAR(60)),
					  CAST(:now AS TIMESTAMP WITH TIME ZONE), CAST(:now AS TIMESTAMP WITH TIME ZONE)
					"""
					+ " FROM (" + numbered + ") r")
			.param("numberStart", s.invoicePrefix() + date.getYear() + "-")
			.param("year", date.getYear())
			.param("prefix", s.invoicePrefix())
			.param("unpaid", InvoiceStatus.UNPAID.wire())
			.param("now", Timestamp.from(now))
			.param("incl", s.pricesIncludeTax())
			.param("businessName", s.businessName())
			.param("businessAddress", s.businessAddress())
			.param("businessTaxId", s.businessTaxId())
			.param("last", block.last())
			.param("active", "active")
			.param("horizon", Date.valueOf(horizon(date)))
			.param("batch", BATCH)
			.update();
		if (made == 0) {
			return 0;
		}
		jdbc.sql(
				"""
						INSERT INTO invoice_lines (invoice_id, position, description, subscription_id, service_kind, service_id, period_start,
						  period_end, quantity, unit_price_minor, tax_rate_bp, tax_minor, total_minor)
						SELECT i.id, 1, s.description, s.id, s.source_kind, s.source_id, s.next_due_date, s.next_period_end, 1, s.price_minor,
						  """
						+ RATE
						+ """
								 , i.tax_minor, i.total_minor
								FROM invoices i
								JOIN billing_subscriptions s ON s.id = i.subscription_id
								LEFT JOIN billing_profiles p ON p.customer_id = s.customer_id
								LEFT JOIN tax_rates t ON t.country = p.country
								WHERE i.number_year = :year AND i.number_prefix = :prefix AND i.number_seq > :first AND i.number_seq <= :last""")
			.param("year", date.getYear())
			.param("prefix", s.invoicePrefix())
			.param("first", block.last())
			.param("last", block.last() + made)
			.update();
		numbers.use(block, made);
		log.info("Billing run {}: {} renewal invoices {} .. {}", date, made, block.format(block.last() + 1),
				block.format(block.last() + made));
		return made;
	}

}
