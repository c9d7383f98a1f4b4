package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hostwright.accounts.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostwright.catalog.BillingPeriod.MONTHLY;

/**
 * The billing run's batches, made small so a few rows cross their boundaries: each
 * renewal and each reminder is done once per invoice and step however the batches fall,
 * across reruns and two runs at once, and a batch that fails midway keeps nothing, has
 * its other items done alone, and leaves its faulty item to the next run, done once.
 */
class BillingBatchesTests extends BillingTestSupport {

	@Autowired
	RenewalStep renewals;

	@Autowired
	ReminderStep reminders;

	@AfterEach
	void fullBatches() {
		renewals.batchSize(RenewalStep.BATCH);
		reminders.batchSize(OverdueStep.BATCH);
	}

	@Test
	void renewalsAcrossManyBatchesAreEachInvoicedOnceGaplessAndARerunMakesNone() {
		renewals.batchSize(3);
		Account c = customer("0754000301");
		List<Long> subs = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			subs.add(subscription(c, 7_000 + i, MONTHLY, billing.today().minusMonths(1)));
		}
		run.run(billing.today());
		for (long id : subs) {
			assertThat(renewalInvoices(id)).as("subscription %d", id).isEqualTo(1);
		}
		assertNoGaps();

		assertThat(run.run(billing.today()).steps()).containsEntry("invoices", 0);
		for (long id : subs) {
			assertThat(renewalInvoices(id)).isEqualTo(1);
		}
	}

	@Test
	void twoRunsAtOnceWithSmallBatchesMakeEachRenewalOnce() throws Exception {
		renewals.batchSize(4);
		Account c = customer("0754000302");
		List<Long> subs = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			subs.add(subscription(c, 8_000 + i, MONTHLY, billing.today().minusMonths(1)));
		}
		List<BillingRun.Report> reports = atOnce(billing.today(), run, run);
		for (long id : subs) {
			assertThat(renewalInvoices(id)).as("subscription %d", id).isEqualTo(1);
		}
		assertThat(reports).allSatisfy(r -> assertThat(r.failures()).isEmpty());
		assertNoGaps();
	}

	@Test
	void remindersAcrossManyBatchesAreSentOncePerInvoiceAndStepAcrossRerunsAndTwoRunsAtOnce() throws Exception {
		reminders.batchSize(3);
		Account c = customer("0754000303");
		List<Long> subs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			subs.add(subscription(c, 9_000 + i, MONTHLY, billing.today()));
		}
		LocalDate due = sub(subs.get(0)).nextDueDate();
		run.run(due.minusDays(14));
		List<String> numbers = subs.stream().map(id -> billing.require(renewalInvoice(id, due)).number()).toList();

		atOnce(due.minusDays(3), run, run);
		run.run(due.minusDays(3));
		run.run(due);
		atOnce(due, run, run);
		for (String number : numbers) {
			assertThat(mails(c, "Invoice " + number + ":")).as("invoice %s, 3 days before and on the day", number)
				.isEqualTo(2);
		}
		for (long id : subs) {
			assertThat(actions(renewalInvoice(id, due), "reminder")).isEqualTo(2);
		}
	}

	@Test
	void aBatchThatFailsMidwayKeepsNothingItsOtherItemsAreDoneAloneAndTheNextRunDoesTheRestOnce() {
		reminders.batchSize(50);
		List<Account> customers = new ArrayList<>();
		List<Long> subs = new ArrayList<>();
		LocalDate start = billing.today();
		for (int i = 0; i < 5; i++) {
			Account c = customer("075400031" + i);
			customers.add(c);
			subs.add(subscription(c, 6_000 + i, MONTHLY, start));
		}
		LocalDate due = sub(subs.get(0)).nextDueDate();
		run.run(due.minusDays(14));
		List<Long> invoices = subs.stream().map(id -> renewalInvoice(id, due)).toList();
		// the third customer cannot be read when the batch's e-mails are made, after the
		// others were acted on: the whole batch rolls back, and each item is tried alone
		Account faulty = customers.get(2);
		jdbc.sql("UPDATE users SET deleted_at = CURRENT_TIMESTAMP WHERE id = ?").param(faulty.id()).update();
		BillingRun.Report first = run.run(due);
		assertThat(first.failures()).extracting(BillingStep.Failure::invoiceId)
			.contains(invoices.get(2))
			.doesNotContain(invoices.get(0), invoices.get(1), invoices.get(3), invoices.get(4));
		for (int i = 0; i < 5; i++) {
			assertThat(actions(invoices.get(i), "reminder")).as("invoice of customer %d", i).isEqualTo(i == 2 ? 0 : 1);
			assertThat(mails(customers.get(i), "Invoice " + billing.require(invoices.get(i)).number() + ":"))
				.isEqualTo(i == 2 ? 0 : 1);
		}

		jdbc.sql("UPDATE users SET deleted_at = NULL WHERE id = ?").param(faulty.id()).update();
		assertThat(run.run(due).failures()).extracting(BillingStep.Failure::invoiceId)
			.doesNotContainAnyElementsOf(invoices);
		run.run(due);
		for (int i = 0; i < 5; i++) {
			assertThat(actions(invoices.get(i), "reminder")).isEqualTo(1);
			assertThat(mails(customers.get(i), "Invoice " + billing.require(invoices.get(i)).number() + ":"))
				.isEqualTo(1);
		}
	}

	@Test
	void theOverdueListIsByDueDateTheLongestOverdueFirst() {
		Account c = customer("0754000320");
		LocalDate today = billing.today();
		long tenDays = billing.issue(c.id(), "TZS", today.minusDays(10), List.of(LineDraft.simple("Ten", 1, 1_000)));
		long twentyDays = billing.issue(c.id(), "TZS", today.minusDays(20),
				List.of(LineDraft.simple("Twenty", 1, 1_000)));
		long threeDays = billing.issue(c.id(), "TZS", today.minusDays(3), List.of(LineDraft.simple("Three", 1, 1_000)));
		billing.issue(c.id(), "TZS", today.plusDays(5), List.of(LineDraft.simple("Not yet", 1, 1_000)));

		var list = admin().get("/api/admin/invoices?overdue=true&customer_id=" + c.id());
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		list.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
		assertThat(ids).containsExactly(twentyDays, tenDays, threeDays);
	}

}
