package org.hostwright.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one run did, in order: the panel exchanges and our own notes. Collected while the panel is
 * called (outside any transaction) and written to the log in the transaction that records the result.
 */
final class Trail implements Consumer<PanelExchange> {

	record Step(String step, boolean success, String message, PanelExchange exchange) {
	}

	private final List<Step> steps = new ArrayList<>();

	@Override
	public synchronized void accept(PanelExchange exchange) {
		steps.add(new Step(exchange.action(), exchange.success(), null, exchange));
	}

	synchronized void note(String step, boolean success, String message) {
		steps.add(new Step(step, success, message, null));
	}

	synchronized void writeTo(ProvisioningLog log, HostingService service) {
		for (Step s : steps) {
			if (s.exchange() != null) {
				log.exchange(service, s.exchange());
			}
			else {
				log.step(service, s.step(), s.success(), s.message());
			}
		}
		steps.clear();
	}

}
