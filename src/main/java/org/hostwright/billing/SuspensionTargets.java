package org.hostwright.billing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The module that acts on each kind of renewed service: an overdue step names the kind of
 * the invoice's subscription, and the call goes to the module that owns it.
 */
@Component
class SuspensionTargets {

	private final Map<String, ServiceSuspensions> byKind;

	SuspensionTargets(List<ServiceSuspensions> targets) {
		this.byKind = targets.stream()
			.collect(Collectors.toUnmodifiableMap(ServiceSuspensions::serviceKind, Function.identity()));
	}

	boolean suspend(OverdueItem item, String reason) {
		return item.serviceId() != null && target(item).suspend(item.serviceId(), reason);
	}

	boolean restore(OverdueItem item, String reason) {
		return item.serviceId() != null && target(item).restore(item.serviceId(), reason);
	}

	boolean terminate(OverdueItem item, String reason) {
		return item.serviceId() != null && target(item).terminate(item.serviceId(), reason);
	}

	private ServiceSuspensions target(OverdueItem item) {
		ServiceSuspensions target = byKind.get(item.serviceKind());
		if (target == null) {
			throw new IllegalStateException("no module suspends services of kind " + item.serviceKind());
		}
		return target;
	}

}
