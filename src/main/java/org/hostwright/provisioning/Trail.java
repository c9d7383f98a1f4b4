package org.hostwright.provisioning;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one run did, in order: the panel exchanges and our own notes. Collected while the
 * panel is called (outside any transaction) and written to the log in the transaction
 * that records the result.
 */
final class Trail implements Consumer<PanelExchange>, PanelCalls {

	record Step(String step, boolean success, String message, PanelExchange exchange) {
	}

	private final List<Step> steps = new ArrayList<>();

	/** Rows written before their calls, waiting for the outcome (by action). */
	private final Map<String, Deque<Long>> calling = new HashMap<>();

	private ProvisioningLog log;

	private HostingService service;

	/**
	 * From now on each panel call is logged before it is made and completed with its
	 * outcome, each in its own commit, instead of at the end of the run.
	 */
	synchronized void writeThrough(ProvisioningLog log, HostingService service) {
		this.log = log;
		this.service = service;
	}

	@Override
	public synchronized void calling(String action, String request) {
		if (log != null) {
			calling.computeIfAbsent(action, a -> new ArrayDeque<>()).add(log.calling(service, action, request));
		}
	}

	@Override
	public synchronized void accept(PanelExchange exchange) {
		Deque<Long> waiting = calling.get(exchange.action());
		if (waiting != null && !waiting.isEmpty()) {
			log.finished(waiting.poll(), exchange);
			return;
		}
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
