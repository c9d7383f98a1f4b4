package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.billing.ServiceSuspensions;
import org.hostwright.billing.StartSubscription;
import org.hostwright.platform.Jobs;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The billing automation's suspend, restore and terminate: the same durable panel jobs as
 * the admin's buttons (keyed on the service and the action), requested in the billing
 * action's transaction and logged on the service with the reason. A batch of the
 * automation locks its services with one statement, schedules their jobs with one read
 * and one batch insert and logs them with one batch (instead of several statements a
 * service); what it decides for each service is what the single call decides.
 */
@Component
class NonPaymentActions implements ServiceSuspensions {

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final Jobs jobs;

	private final OneTimeTask<String> actions;

	private final Clock clock;

	NonPaymentActions(ServiceStore store, ProvisioningLog logs, Jobs jobs,
			@Qualifier("serviceActionTask") OneTimeTask<String> actions, Clock clock) {
		this.store = store;
		this.logs = logs;
		this.jobs = jobs;
		this.actions = actions;
		this.clock = clock;
	}

	@Override
	public String serviceKind() {
		return StartSubscription.HOSTING;
	}

	@Override
	@Transactional
	public boolean suspend(long serviceId, String reason) {
		HostingService s = store.lock(serviceId).orElse(null);
		if (s == null || s.status() != ServiceStatus.ACTIVE) {
			return false;
		}
		return request(s, PanelAction.SUSPEND, reason, Instant.now(clock));
	}

	@Override
	@Transactional
	public boolean restore(long serviceId, String reason) {
		HostingService s = store.lock(serviceId).orElse(null);
		if (s == null) {
			return false;
		}
		if (s.status() == ServiceStatus.ACTIVE) {
			TaskInstanceId suspension = TaskInstanceId.of(ProvisioningJobs.ACTION,
					ProvisioningJobs.actionId(serviceId, PanelAction.SUSPEND));
			if (!jobs.pending(suspension)) {
				return false;
			}
			if (!jobs.attempted(suspension)) {
				try {
					// the suspension has not run yet: it must not run at all
					jobs.cancelIfPresent(suspension);
					logs.step(s, "suspend", true, "cancelled before it ran: " + reason);
					return true;
				}
				catch (RuntimeException running) {
					// it started meanwhile: as below
				}
			}
			// it is running, or ran and waits for its retry (the panel may have
			// suspended the account and the answer was lost): cancelling it would leave
			// the account suspended on the panel. The activation waits for it instead
			// (PanelActions refuses to activate while it is pending).
		}
		else if (s.status() != ServiceStatus.SUSPENDED) {
			return false;
		}
		return request(s, PanelAction.ACTIVATE, reason, Instant.now(clock));
	}

	@Override
	@Transactional
	public boolean terminate(long serviceId, String reason) {
		HostingService s = store.lock(serviceId).orElse(null);
		if (s == null || !s.status().canMoveTo(ServiceStatus.CANCELLED)) {
			return false;
		}
		TaskInstanceId waiting = TaskInstanceId.of(ProvisioningJobs.PROVISION, ProvisioningJobs.provisionId(serviceId));
		try {
			jobs.cancelIfPresent(waiting);
		}
		catch (RuntimeException running) {
			// provisioning is running right now: terminate waits for its claim to end
		}
		return request(s, PanelAction.TERMINATE, reason, Instant.now(clock));
	}

	@Override
	@Transactional
	public Set<Long> suspendAll(List<Request> requests) {
		Map<Long, HostingService> locked = store.lockAll(requests.stream().map(Request::serviceId).toList());
		List<Request> go = new ArrayList<>();
		for (Request r : requests) {
			HostingService s = locked.get(r.serviceId());
			if (s != null && s.status() == ServiceStatus.ACTIVE) {
				go.add(r);
			}
		}
		return requestAll(locked, go, PanelAction.SUSPEND);
	}

	@Override
	@Transactional
	public Set<Long> restoreAll(List<Request> requests) {
		Map<Long, HostingService> locked = store.lockAll(requests.stream().map(Request::serviceId).toList());
		List<Request> go = new ArrayList<>();
		Set<Long> done = new HashSet<>();
		for (Request r : requests) {
			HostingService s = locked.get(r.serviceId());
			if (s == null) {
				continue;
			}
			if (s.status() == ServiceStatus.SUSPENDED) {
				go.add(r);
			}
			else if (s.status() == ServiceStatus.ACTIVE && restore(r.serviceId(), r.reason())) {
				// a suspension still waiting or running (few): as the single call does
				done.add(r.serviceId());
			}
		}
		done.addAll(requestAll(locked, go, PanelAction.ACTIVATE));
		return done;
	}

	@Override
	@Transactional
	public Set<Long> terminateAll(List<Request> requests) {
		Map<Long, HostingService> locked = store.lockAll(requests.stream().map(Request::serviceId).toList());
		List<Request> go = new ArrayList<>();
		for (Request r : requests) {
			HostingService s = locked.get(r.serviceId());
			if (s != null && s.status().canMoveTo(ServiceStatus.CANCELLED)) {
				go.add(r);
			}
		}
		// provisioning still waiting does not run; one that runs right now is left to end
		// (terminate waits for its claim), as in the single call
		jobs.cancelAllIfPresent(ProvisioningJobs.PROVISION,
				go.stream().map(r -> ProvisioningJobs.provisionId(r.serviceId())).toList());
		return requestAll(locked, go, PanelAction.TERMINATE);
	}

	/** {@link #request} of each, in one read and one batch of jobs and one of logs. */
	private Set<Long> requestAll(Map<Long, HostingService> locked, List<Request> go, PanelAction action) {
		Set<Long> done = new HashSet<>();
		List<TaskInstance<?>> instances = new ArrayList<>();
		List<HostingService> logged = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		for (Request r : go) {
			done.add(r.serviceId());
			instances
				.add(actions.instance(ProvisioningJobs.actionId(r.serviceId(), action), action.data(r.serviceId())));
			logged.add(locked.get(r.serviceId()));
			messages.add("requested by the billing automation: " + r.reason());
		}
		jobs.scheduleAllIfAbsent(ProvisioningJobs.ACTION, instances, Instant.now(clock));
		logs.steps(logged, action.key(), messages);
		return done;
	}

	private boolean request(HostingService s, PanelAction action, String reason, Instant at) {
		jobs.scheduleIfAbsent(actions.instance(ProvisioningJobs.actionId(s.id(), action), action.data(s.id())), at);
		logs.step(s, action.key(), true, "requested by the billing automation: " + reason);
		return true;
	}

}
