package org.hostwright.provisioning;

import java.util.Optional;

import org.hostwright.ordering.OrderSetup;

import org.springframework.stereotype.Component;

/** Shows the setup of an order's hosting account on the ordering module's page. */
@Component
class OrderSetupAdapter implements OrderSetup {

	private final HostingServices services;

	private final SetupEstimates estimates;

	OrderSetupAdapter(HostingServices services, SetupEstimates estimates) {
		this.services = services;
		this.estimates = estimates;
	}

	@Override
	public Optional<Setup> setupOf(long orderId) {
		return services.ofOrder(orderId)
			.map(s -> setup(estimates.of(s), services.pendingOf(s.id()).map(PendingAction::action).orElse(null)));
	}

	private static Setup setup(SetupProgress p, String pendingAction) {
		return new Setup(p.serviceId(), p.status().wire(), p.step(), p.attempt(), p.maxAttempts(), p.retrying(),
				p.nextAttemptAt(), p.minutesLeft(), p.inProgress(), p.failed(), p.active(), pendingAction);
	}

}
