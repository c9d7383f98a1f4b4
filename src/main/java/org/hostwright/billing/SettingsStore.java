package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.hostwright.platform.SandboxMode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing_settings row. A new installation gets it from the environment at start-up
 * (with the tax rates); from then on the database is the truth, so a restart never undoes
 * an admin's edit.
 */
@Repository
class SettingsStore implements ApplicationRunner {

	static final String SANDBOX_TAX_RATES = "TZ:18,LU:17";

	private final JdbcClient jdbc;

	private final BillingProperties properties;

	private final TaxRates taxRates;

	private final SandboxMode sandbox;

	private final TransactionTemplate tx;

	private final Clock clock;

	SettingsStore(JdbcClient jdbc, BillingProperties properties, TaxRates taxRates, SandboxMode sandbox,
			TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.taxRates = taxRates;
		this.sandbox = sandbox;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed();
	}

	/**
	 * Writes the first settings row and tax rates, once per installation (another node
	 * may win).
	 */
	void seed() {
		if (jdbc.sql("SELECT COUNT(*) FROM billing_settings").query(Integer.class).single() > 0) {
			return;
		}
		String rates = properties.taxRates() == null || properties.taxRates().isBlank()
				? (sandbox.enabled() ? SANDBOX_TAX_RATES : "") : properties.taxRates();
		var parsed = TaxRates.parse(rates, "HOSTWRIGHT_BILLING_TAX_RATES");
		OverdueRules overdue = properties.overdue();
		try {
			tx.executeWithoutResult(s -> {
				jdbc.sql(
						"""
								INSERT INTO billing_settings (id, invoice_prefix, renewal_lead_days, prices_include_tax, apply_credit,
								  merge_same_day, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?)""")
					.params(properties.prefix(), properties.leadDays(), properties.includeTax(), properties.credit(),
							properties.merge(), Timestamp.from(Instant.now(clock)))
					.update();
				saveOverdue(overdue);
				parsed.forEach(taxRates::put);
			});
		}
		catch (DuplicateKeyException ex) {
			// another node seeded it first
		}
	}

	BillingSettings current() {
		return jdbc
			.sql("""
					SELECT invoice_prefix, renewal_lead_days, prices_include_tax, apply_credit, merge_same_day, bank_transfer_text,
					  business_name, business_address, business_tax_id, logo_url FROM billing_settings WHERE id = 1""")
			.query((rs, n) -> new BillingSettings(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4),
					rs.getBoolean(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10)))
			.optional()
			.orElseGet(() -> new BillingSettings(properties.prefix(), properties.leadDays(), properties.includeTax(),
					properties.credit(), properties.merge(), null, null, null, null, null));
	}

	void save(BillingSettings s) {
		jdbc.sql(
				"""
						UPDATE billing_settings SET invoice_prefix = ?, renewal_lead_days = ?, prices_include_tax = ?, apply_credit = ?,
						  merge_same_day = ?, bank_transfer_text = ?, business_name = ?, business_address = ?, business_tax_id = ?,
						  logo_url = ?, updated_at = ? WHERE id = 1""")
			.params(s.invoicePrefix(), s.renewalLeadDays(), s.pricesIncludeTax(), s.applyCredit(), s.mergeSameDay(),
					s.bankTransferText(), s.businessName(), s.businessAddress(), s.businessTaxId(), s.logoUrl(),
					Timestamp.from(Instant.now(clock)))
			.update();
	}

	/** The overdue rules in force (the defaults until the row exists). */
	OverdueRules overdueRules() {
		return jdbc
			.sql("""
					SELECT reminder_days, suspend_after_days, terminate_after_days, termination_warning_days, automation, run_at,
					  late_fee FROM billing_settings WHERE id = 1""")
			.query((rs, n) -> new OverdueRules(OverdueRules.parseDays(rs.getString(1), "reminder_days"), rs.getInt(2),
					rs.getInt(3), rs.getInt(4), rs.getBoolean(5), java.time.LocalTime.parse(rs.getString(6)),
					LateFee.parse(rs.getString(7), "late_fee")))
			.optional()
			.orElseGet(properties::overdue);
	}

	void saveOverdue(OverdueRules r) {
		jdbc.sql(
				"""
						UPDATE billing_settings SET reminder_days = ?, suspend_after_days = ?, terminate_after_days = ?,
						  termination_warning_days = ?, automation = ?, run_at = ?, late_fee = ?, updated_at = ? WHERE id = 1""")
			.params(OverdueRules.formatDays(r.reminderDays()), r.suspendAfterDays(), r.terminateAfterDays(),
					r.terminationWarningDays(), r.automation(), r.runAt().toString(),
					r.lateFee().none() ? null : r.lateFee().toString(), Timestamp.from(Instant.now(clock)))
			.update();
	}

}
