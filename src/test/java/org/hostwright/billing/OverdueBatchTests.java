package org.hostwright.billing;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Account;
import org.hostwright.provisioning.HostingService;
import org.hostwright.provisioning.ServiceStatus;
import org.hostwright.sandbox.WebuzoSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One service renewed by two unpaid invoices that fall in the same batch of a step: the
 * batch asks for the service's panel job once for both (suspended once, restored once,
 * terminated once, as the panel's own log shows), each invoice gets its own key and
 * e-mail, and a termination cancels both invoices, which keep their numbers. No batch
 * falls back to its items one at a time (which would hide what the batch got wrong).
 */
@ExtendWith(OutputCaptureExtension.class)
class OverdueBatchTests extends OverdueTestSupport {

	/** What {@link OverdueStep} logs when a batch failed and its items are done alone. */
	private static final String ALONE = "each item again alone";

	@Autowired
	WebuzoSimulator panel;

	@Autowired
	RestorationStep restorations;

	@Autowired
	TransactionTemplate tx;

	@Test
	void twoUnpaidInvoicesOfOneServiceInOneBatchSuspendItOnceAndPayingBothRestoresItOnce(CapturedOutput output) {
		Account c = customer("0754000501");
		HostingService service = activeService(c, hostingPlan(10_000), "twice");
		Invoices two = twoUnpaidInvoices(service);

		// the database is shared with other tests: what the run did to these two is
		// counted on them, not from the run's totals
		assertThat(run.run(two.due().plusDays(7)).failures()).isEmpty();
		awaitStatus(service.id(), ServiceStatus.SUSPENDED);
		assertThat(run.run(two.due().plusDays(7)).steps()).containsEntry("suspensions", 0);
		for (long invoice : two.ids()) {
			assertThat(actions(invoice, "suspension")).isEqualTo(1);
			assertThat(mails(c, "Hosting suspended: invoice " + billing.require(invoice).number())).isEqualTo(1);
		}

		// both paid, and the run's restoration batch reads them in the same transaction,
		// before their events are handled: the batch has both invoices of the service
		tx.executeWithoutResult(s -> {
			for (long invoice : two.ids()) {
				billing.pay(invoice, 10_000, PaymentMethod.MANUAL, "B-" + invoice + "-" + System.nanoTime(), null);
			}
			restorations.execute(two.due().plusDays(9));
		});
		awaitStatus(service.id(), ServiceStatus.ACTIVE);
		assertThat(run.run(two.due().plusDays(9)).steps()).containsEntry("restorations", 0);
		for (long invoice : two.ids()) {
			assertThat(actions(invoice, "restoration")).isEqualTo(1);
		}
		Awaitility.await()
			.atMost(patience())
			.until(() -> two.ids()
				.stream()
				.allMatch(i -> mails(c, "Hosting restored: invoice " + billing.require(i).number()) == 1));
		assertThat(panel.actionsOf(service.panelUsername())).as("the panel's own log")
			.containsExactly("suspend", "unsuspend");
		Awaitility.await().atMost(patience()).until(() -> waitingJobs(service) == 0);
		assertThat(output).doesNotContain(ALONE);
	}

	@Test
	void twoUnpaidInvoicesOfOneServiceInOneBatchTerminateItOnceAndCancelBothKeepingTheirNumbers(CapturedOutput output) {
		Account c = customer("0754000502");
		HostingService service = activeService(c, hostingPlan(10_000), "ends-twice");
		Invoices two = twoUnpaidInvoices(service);
		List<String> numbers = two.ids().stream().map(i -> billing.require(i).number()).toList();

		assertThat(run.run(two.due().plusDays(30)).failures()).isEmpty();
		awaitStatus(service.id(), ServiceStatus.CANCELLED);
		assertThat(run.run(two.due().plusDays(30)).steps()).containsEntry("terminations", 0);
		for (int k = 0; k < 2; k++) {
			Invoice invoice = billing.require(two.ids().get(k));
			assertThat(invoice.status()).isEqualTo(InvoiceStatus.CANCELLED);
			assertThat(invoice.number()).isEqualTo(numbers.get(k));
			assertThat(actions(invoice.id(), "termination")).isEqualTo(1);
			assertThat(mails(c, "Hosting terminated: invoice " + invoice.number())).isEqualTo(1);
		}
		assertThat(sub(two.subscription()).status()).isEqualTo("cancelled");
		assertThat(panel.actionsOf(service.panelUsername())).as("the panel's own log").containsExactly("delete_user");
		Awaitility.await().atMost(patience()).until(() -> waitingJobs(service) == 0);
		assertThat(output).doesNotContain(ALONE);
	}

	/**
	 * The service's subscription with two unpaid renewals a day apart: its next one (due
	 * first) and, set back a day as a subscription imported with a gap would be, the one
	 * before it, both billed by the renewal step.
	 */
	private Invoices twoUnpaidInvoices(HostingService service) {
		long sub = billing.subscriptionOf(StartSubscription.HOSTING, service.id()).orElseThrow().id();
		LocalDate due = sub(sub).nextDueDate();
		run.run(due.minusDays(14));
		long later = renewalInvoice(sub, due);
		jdbc.sql("UPDATE billing_subscriptions SET next_due_date = ? WHERE id = ?")
			.params(Date.valueOf(due.minusDays(1)), sub)
			.update();
		run.run(due.minusDays(14));
		long earlier = renewalInvoice(sub, due.minusDays(1));
		assertThat(billing.require(earlier).dueDate()).isEqualTo(due.minusDays(1));
		assertThat(billing.require(later).dueDate()).isEqualTo(due);
		return new Invoices(sub, due, List.of(earlier, later));
	}

	private record Invoices(long subscription, LocalDate due, List<Long> ids) {
	}

	/** The service's panel jobs still waiting or running. */
	private long waitingJobs(HostingService service) {
		return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance LIKE ?")
			.params("service-action", "service-" + service.id() + "-%")
			.query(Long.class)
			.single();
	}

}
