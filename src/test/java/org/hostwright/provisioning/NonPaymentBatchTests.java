package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.billing.ServiceSuspensions.Request;
import org.hostwright.platform.Jobs;
import org.hostwright.sandbox.WebuzoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing automation's batch calls ({@code suspendAll}, {@code restoreAll},
 * {@code terminateAll}) with a service named twice in one batch, and with a service whose
 * panel job is already waiting: one job per service and action, the waiting one kept as
 * it was, and the batch does not fail on the duplicate.
 */
class NonPaymentBatchTests extends ProvisioningFixtures {

	@Autowired
	NonPaymentActions nonPayment;

	@Autowired
	Jobs jobs;

	@Autowired
	@Qualifier("serviceActionTask")
	OneTimeTask<String> actions;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Clock clock;

	@Autowired
	WebuzoSimulator simulator;

	@Test
	void aServiceTwiceInABatchGetsOneJobPerActionAndAWaitingJobIsNotDoubled() {
		long customer = customer(uniqueEmail("batch"));
		HostingService twice = awaitService(paidOrder(customer, domain("twice-")).id(), ServiceStatus.ACTIVE);
		HostingService waiting = awaitService(paidOrder(customer, domain("waits-")).id(), ServiceStatus.ACTIVE);
		// a suspension already asked for (by an admin), due in an hour: held still for
		// the test
		Instant inAnHour = Instant.now(clock).plus(Duration.ofHours(1));
		jobs.scheduleIfAbsent(actions.instance(ProvisioningJobs.actionId(waiting.id(), PanelAction.SUSPEND),
				PanelAction.SUSPEND.data(waiting.id())), inAnHour);
		try {
			Set<Long> suspended = tx.execute(s -> nonPayment
				.suspendAll(List.of(request(twice, "first"), request(twice, "second"), request(waiting, "third"))));
			assertThat(suspended).containsExactlyInAnyOrder(twice.id(), waiting.id());
			assertThat(jobTimes(waiting, PanelAction.SUSPEND)).as("the waiting job, as it was")
				.singleElement()
				.satisfies(at -> assertThat(at).isAfter(inAnHour.minusSeconds(1)));
			awaitService(twice.orderId(), ServiceStatus.SUSPENDED);

			Set<Long> restored = tx
				.execute(s -> nonPayment.restoreAll(List.of(request(twice, "first"), request(twice, "second"))));
			assertThat(restored).containsExactly(twice.id());
			awaitService(twice.orderId(), ServiceStatus.ACTIVE);

			Set<Long> terminated = tx.execute(s -> nonPayment
				.terminateAll(List.of(request(twice, "first"), request(twice, "second"), request(waiting, "third"))));
			assertThat(terminated).containsExactlyInAnyOrder(twice.id(), waiting.id());
			awaitService(twice.orderId(), ServiceStatus.CANCELLED);
			awaitService(waiting.orderId(), ServiceStatus.CANCELLED);
			assertThat(panel(twice)).as("the panel's own log").containsExactly("suspend", "unsuspend", "delete_user");
			assertThat(panel(waiting)).containsExactly("delete_user");
			assertThat(logs(twice, "requested by the billing automation")).as("one line per request, as one at a time")
				.isEqualTo(6);
		}
		finally {
			jobs.cancelIfPresent(TaskInstanceId.of(ProvisioningJobs.ACTION,
					ProvisioningJobs.actionId(waiting.id(), PanelAction.SUSPEND)));
		}
	}

	private List<String> panel(HostingService s) {
		return simulator.actionsOf(services.require(s.id()).panelUsername());
	}

	private static Request request(HostingService s, String reason) {
		return new Request(s.id(), reason);
	}

	/** When the service's jobs of the action are due (one row each, while waiting). */
	private List<Instant> jobTimes(HostingService s, PanelAction action) {
		return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(ProvisioningJobs.ACTION, ProvisioningJobs.actionId(s.id(), action))
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	private long logs(HostingService s, String message) {
		return jdbc.sql("SELECT COUNT(*) FROM provisioning_logs WHERE service_id = ? AND message LIKE ?")
			.params(s.id(), message + "%")
			.query(Long.class)
			.single();
	}

}
