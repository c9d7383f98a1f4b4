package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;

/**
 * The renewal step's options: credit used on the invoices it makes, same-day invoices
 * merged per customer and currency, and a plan's own lead days.
 */
class RenewalOptionsTests extends BillingTestSupport {

	@Autowired
	SettingsStore settings;

	private BillingSettings before;

	@AfterEach
	void putTheSettingsBack() {
		if (before != null) {
			settings.save(before);
		}
		jdbc.sql("UPDATE plans SET renewal_lead_days = NULL").update();
	}

	/** A subscription of {@code price} whose next period starts in {@code days} days. */
	long dueIn(Account c, int days, long price, String currency, Long planId) {
		LocalDate start = billing.today().plusDays(days).minusMonths(1);
		long id = subscription(c, price, currency, MONTHLY, start, planId);
		assertThat(sub(id).nextDueDate()).isEqualTo(billing.today().plusDays(days));
		return id;
	}

	@Test
	void creditPaysTheRenewalInvoicesTheRunMakesInTheSameTransaction() {
		Account rich = customer("0754000301");
		Account some = customer("0754000302");
		billing.credit(rich.id(), "TZS", 15_000, "goodwill");
		billing.credit(some.id(), "TZS", 3_000, "goodwill");
		long covered = dueIn(rich, 5, 10_000, "TZS", null);
		long part = dueIn(some, 5, 10_000, "TZS", null);
		LocalDate due = billing.today().plusDays(5);

		run.run(billing.today());

		Invoice paid = billing.require(renewalInvoice(covered, due));
		assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(paid.amountPaidMinor()).isEqualTo(10_000);
		assertThat(sub(covered).nextDueDate()).as("a payment by credit moves the due date like any payment")
			.isEqualTo(Periods.next(due, MONTHLY, due.getDayOfMonth()));
		assertThat(billing.creditOf(rich.id(), "TZS")).isEqualTo(5_000);
		Invoice partly = billing.require(renewalInvoice(part, due));
		assertThat(partly.status()).isEqualTo(InvoiceStatus.UNPAID);
		assertThat(partly.amountPaidMinor()).isEqualTo(3_000);
		assertThat(partly.balanceMinor()).isEqualTo(7_000);
		assertThat(billing.creditOf(some.id(), "TZS")).isZero();
		assertThat(jdbc.sql("SELECT amount_minor FROM credit_ledger WHERE customer_id = ? ORDER BY id")
			.param(rich.id())
			.query(Long.class)
			.list()).as("the ledger keeps both entries").containsExactly(15_000L, -10_000L);
		assertThat(run.run(billing.today()).steps().get("invoices")).isZero();
	}

	@Test
	void withTheSettingOffCreditIsLeftForTheCustomer() {
		before = settings.current();
		settings.save(with(before, false, before.mergeSameDay()));
		Account c = customer("0754000303");
		billing.credit(c.id(), "TZS", 15_000, "goodwill");
		long id = dueIn(c, 5, 10_000, "TZS", null);
		run.run(billing.today());
		assertThat(billing.require(renewalInvoice(id, billing.today().plusDays(5))).amountPaidMinor()).isZero();
		assertThat(billing.creditOf(c.id(), "TZS")).isEqualTo(15_000);
	}

	@Test
	void sameDayRenewalsOfOneCustomerAndCurrencyBecomeOneInvoiceStillOncePerPeriod() {
		before = settings.current();
		settings.save(with(before, before.applyCredit(), true));
		Account c = customer("0754000304");
		long first = dueIn(c, 6, 10_000, "TZS", null);
		long second = dueIn(c, 6, 20_000, "TZS", null);
		long euros = dueIn(c, 6, 1_500, "EUR", null);
		long later = dueIn(c, 7, 5_000, "TZS", null);

		run.run(billing.today());
		assertThat(run.run(billing.today()).steps().get("invoices")).as("a rerun makes nothing").isZero();

		List<Long> invoices = jdbc.sql("SELECT id FROM invoices WHERE customer_id = ? ORDER BY id")
			.param(c.id())
			.query(Long.class)
			.list();
		assertThat(invoices).hasSize(3);
		Invoice merged = billing.require(invoiceOf(first));
		assertThat(invoiceOf(second)).isEqualTo(merged.id());
		assertThat(merged.lines()).hasSize(2);
		assertThat(merged.totalMinor()).isEqualTo(30_000);
		assertThat(merged.lines().stream().mapToLong(Invoice.Line::taxMinor).sum()).isEqualTo(merged.taxMinor());
		assertThat(invoiceOf(euros)).isNotEqualTo(merged.id());
		assertThat(invoiceOf(later)).isNotEqualTo(merged.id());
		assertThat(billing.require(invoiceOf(later)).lines()).hasSize(1);

		var admin = admin();
		var paid = admin.post("/api/admin/invoices/" + merged.id() + "/payments",
				json(Map.of("amount_cents", 30_000, "method", "cash")));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		LocalDate due = billing.today().plusDays(6);
		LocalDate next = Periods.next(due, MONTHLY, due.getDayOfMonth());
		assertThat(sub(first).nextDueDate()).isEqualTo(next);
		assertThat(sub(second).nextDueDate()).isEqualTo(next);
		assertThat(sub(euros).nextDueDate()).as("its own invoice is not paid").isEqualTo(due);
	}

	@Test
	void aPlansOwnLeadDaysOverrideTheSetting() {
		long plan = jdbc.sql("SELECT MIN(id) FROM plans").query(Long.class).single();
		jdbc.sql("UPDATE plans SET renewal_lead_days = 30 WHERE id = ?").param(plan).update();
		Account c = customer("0754000305");
		long early = dueIn(c, 20, 10_000, "TZS", plan);
		long usual = dueIn(c, 20, 10_000, "TZS", null);
		var preview = run.preview(billing.today(), 10_000).get("invoices");
		assertThat(preview).extracting(d -> ((RenewalStep.Due) d).subscriptionId())
			.contains(early)
			.doesNotContain(usual);
		run.run(billing.today());
		assertThat(renewalInvoices(early)).isEqualTo(1);
		assertThat(renewalInvoices(usual)).as("the setting's 14 days: not yet").isZero();
	}

	private long invoiceOf(long subscriptionId) {
		return jdbc.sql("SELECT invoice_id FROM invoice_lines WHERE subscription_id = ?")
			.param(subscriptionId)
			.query(Long.class)
			.single();
	}

	private static BillingSettings with(BillingSettings s, boolean applyCredit, boolean merge) {
		return new BillingSettings(s.invoicePrefix(), s.renewalLeadDays(), s.pricesIncludeTax(), applyCredit, merge,
				s.bankTransferText(), s.businessName(), s.businessAddress(), s.businessTaxId(), s.logoUrl());
	}

}
