package org.hostwright.provisioning;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable jobs of provisioning. Instances are keyed on the service ({@code service-<id>}, and
 * {@code service-<id>-<action>} for admin actions), so one service never has two of the same job.
 */
@Configuration(proxyBeanMethods = false)
class ProvisioningJobs {

	static final String PROVISION = "service-provisioning";

	static final String ACTION = "service-action";

	static String provisionId(long serviceId) {
		return "service-" + serviceId;
	}

	static String actionId(long serviceId, PanelAction action) {
		return "service-" + serviceId + "-" + action.key();
	}

	@Bean
	OneTimeTask<Long> serviceProvisioningTask(Provisioner provisioner, ServiceStore store,
			ProvisioningProperties properties, Clock clock) {
		return Tasks.oneTime(PROVISION, Long.class)
			.onFailure(new RetryWithBackoff<Long>(properties,
					id -> store.find(id).map(HostingService::attempts).orElse(Integer.MAX_VALUE), provisioner::giveUp, clock))
			.execute((instance, context) -> provisioner.provision(instance.getData(), true));
	}

	@Bean
	OneTimeTask<String> serviceActionTask(PanelActions actions, ProvisioningProperties properties, Clock clock) {
		return Tasks.oneTime(ACTION, String.class)
			.onFailure(new RetryWithBackoff<String>(properties, data -> 0, actions::giveUp, clock))
			.execute((instance, context) -> actions.run(instance.getData()));
	}

}
