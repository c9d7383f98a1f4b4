package org.hostwright.provisioning;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.hostwright.platform.ReviveUncounted;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable jobs of provisioning. Instances are keyed on the service
 * ({@code service-<id>}, and {@code service-<id>-<action>} for admin actions), so one
 * service never has two of the same job.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningJobs {

	static final String PROVISION = "service-provisioning";

	static final String ACTION = "service-action";

	static final String PLAN_CHANGE = "service-plan-change";

	/**
	 * One job per plan change (the change row's id) and admin retry (the first round
	 * keeps the key it always had).
	 */
	static String planChangeId(long changeId, int retry) {
		return "plan-change-" + changeId + (retry == 0 ? "" : "-retry-" + retry);
	}

	static String provisionId(long serviceId) {
		return "service-" + serviceId;
	}

	static String actionId(long serviceId, PanelAction action) {
		return "service-" + serviceId + "-" + action.key();
	}

	@Bean
	OneTimeTask<Long> serviceProvisioningTask(Provisioner provisioner, ServiceStore store,
			ProvisioningProperties properties, Clock clock) {
		var retry = new RetryWithBackoff<Long>(properties,
				id -> store.find(id).map(HostingService::attempts).orElse(Integer.MAX_VALUE), provisioner::giveUp,
				clock);
		return new OneTimeTask<Long>(PROVISION, Long.class, retry, new ReviveUncounted<>()) {

			@Override
			public CompletionHandler<Long> execute(TaskInstance<Long> instance, ExecutionContext context) {
				try {
					return super.execute(instance, context);
				}
				catch (PanelBudgetWait later) {
					// the panel's rate limit: come back when the booked calls are due,
					// holding no thread meanwhile
					return (complete, operations) -> operations.reschedule(complete, later.until());
				}
			}

			@Override
			public void executeOnce(TaskInstance<Long> instance, ExecutionContext context) {
				provisioner.provision(instance.getData(), true);
			}

		};
	}

	@Bean
	OneTimeTask<String> serviceActionTask(PanelActions actions, ProvisioningProperties properties, Clock clock) {
		return Tasks.oneTime(ACTION, String.class)
			.onFailure(new RetryWithBackoff<String>(properties, data -> 0, actions::giveUp, clock))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, context) -> actions.run(instance.getData()));
	}

	@Bean
	OneTimeTask<Long> planChangeTask(PlanChangeApplier applier, ProvisioningProperties properties, Clock clock) {
		return Tasks.oneTime(PLAN_CHANGE, Long.class)
			.onFailure(new RetryWithBackoff<Long>(properties, applier::attempts, applier::giveUp, clock))
			.onDeadExecution(new ReviveUncounted<>())
			.execute((instance, context) -> applier.apply(instance.getData()));
	}

}
