package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.ANNUAL;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;
import static org.hostwright.catalog.BillingPeriod.QUARTERLY;

/** Renewals driven by the sandbox clock and the admin's "run now", never by sleeping. */
class RenewalTests extends BillingTestSupport {

	@Test
	void aMonthlyServiceIsInvoicedOnceLeadDaysBeforeItsDueDateAndPayingMovesTheDateOnce() {
		Account c = customer("0754000101");
		LocalDate today = billing.today();
		long id = subscription(c, 10_000, MONTHLY, today);
		LocalDate due = sub(id).nextDueDate();
		var admin = admin();

		admin.post("/api/admin/billing/run", null);
		assertThat(renewalInvoices(id)).as("not yet in the window").isZero();

		advance((int) (due.toEpochDay() - today.toEpochDay()) - 14);
		var report = admin.post("/api/admin/billing/run", null);
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat(report.json().get("steps").get("invoices").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(admin.post("/api/admin/billing/run", null).json().get("steps").get("invoices").asInt()).isZero();
		assertThat(renewalInvoices(id)).isEqualTo(1);

		long invoiceId = renewalInvoice(id, due);
		var invoice = signedIn(c).get("/api/invoices/" + invoiceId).json();
		assertThat(invoice.get("status").asString()).isEqualTo("unpaid");
		assertThat(invoice.get("due_date").asString()).isEqualTo(due.toString());
		assertThat(invoice.get("total_cents").asLong()).isEqualTo(10_000);
		assertThat(invoice.get("tax_cents").asLong()).isEqualTo(1_525);
		assertThat(invoice.get("lines").get(0).get("period_start").asString()).isEqualTo(due.toString());
		assertThat(invoice.get("lines").get(0).get("period_end").asString())
			.isEqualTo(Periods.lastDay(due, MONTHLY, today.getDayOfMonth()).toString());
		assertThat(invoice.get("number").asString()).matches("INV-\\d{4}-\\d{6}");

		// paid late: the anniversary does not move, and a second payment never moves it
		// again
		advance(30);
		admin = admin(); // API tokens expire after 30 days of the moved clock too
		var paid = admin.post("/api/admin/invoices/" + invoiceId + "/payments", json(
				Map.of("amount_cents", 10_000, "method", "bank_transfer", "reference", "BT-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("paid");
		LocalDate following = Periods.next(due, MONTHLY, today.getDayOfMonth());
		assertThat(sub(id).nextDueDate()).isEqualTo(following);
		admin.post("/api/admin/invoices/" + invoiceId + "/payments",
				json(Map.of("amount_cents", 10_000, "method", "cash")));
		assertThat(sub(id).nextDueDate()).isEqualTo(following);
		assertThat(billing.creditOf(c.id(), "TZS")).as("the second payment is the customer's credit").isEqualTo(10_000);
	}

	@Test
	void quarterlyAndAnnualServicesRenewOnTheirAnniversary() {
		Account c = customer("0754000102");
		LocalDate start = billing.today().minusMonths(3).plusDays(5);
		long quarterly = subscription(c, 30_000, QUARTERLY, start);
		long annual = subscription(c, 100_000, ANNUAL, start.minusMonths(9));
		run.run(billing.today());
		assertThat(renewalInvoice(quarterly, Periods.next(start, QUARTERLY, start.getDayOfMonth()))).isPositive();
		assertThat(renewalInvoice(annual,
				Periods.next(start.minusMonths(9), ANNUAL, start.minusMonths(9).getDayOfMonth())))
			.isPositive();
	}

	@Test
	void twoRunsAtOnceCreateEachRenewalInvoiceOnceWithoutGapsInTheNumbers() throws Exception {
		Account c = customer("0754000103");
		LocalDate start = billing.today().minusMonths(1);
		List<Long> subs = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			subs.add(subscription(c, 5_000 + i, MONTHLY, start));
		}
		atOnce(billing.today(), run, run);
		for (long id : subs) {
			assertThat(renewalInvoices(id)).isEqualTo(1);
		}
		assertNoGaps();
	}

}
