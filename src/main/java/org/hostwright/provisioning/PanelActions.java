package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs suspend, activate and terminate with the same guarantees as provisioning: the
 * service is claimed under a row lock, the panel is called outside the transaction, the
 * result is recorded and logged in another; an action already done on the panel counts as
 * done.
 */
@Component
class PanelActions {

	private static final Logger log = LoggerFactory.getLogger(PanelActions.class);

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final PanelConnector panels;

	private final ServiceNotifications notifications;

	private final TransactionTemplate tx;

	private final Duration lease;

	private final Clock clock;

	/** Looked up when used: the job scheduler's tasks are built from this class. */
	private final org.springframework.beans.factory.ObjectProvider<org.hostwright.platform.Jobs> jobs;

	PanelActions(ServiceStore store, ProvisioningLog logs, PanelConnector panels, ServiceNotifications notifications,
			TransactionTemplate tx, WebuzoProperties webuzo, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.hostwright.platform.Jobs> jobs) {
		this.jobs = jobs;
		this.store = store;
		this.logs = logs;
		this.panels = panels;
		this.notifications = notifications;
		this.tx = tx;
		this.lease = webuzo.timeout().plus(webuzo.connectTimeout()).multipliedBy(2).plusSeconds(30);
		this.clock = clock;
	}

	void run(String data) {
		long id = Long.parseLong(data.substring(0, data.indexOf(':')));
		PanelAction action = PanelAction.valueOf(data.substring(data.indexOf(':') + 1));
		HostingService s = tx.execute(status -> claim(id, action));
		if (s == null) {
			return;
		}
		Trail trail = new Trail();
		try {
			if (s.panelUsername() != null && s.panelServerId() != null) {
				call(panels.open(s.panelServerId(), trail), action, s.panelUsername(), trail);
			}
			tx.executeWithoutResult(status -> done(id, action, trail));
		}
		catch (RuntimeException ex) {
			log.warn("{} of service {} failed: {}", action, id, ex.getMessage());
			tx.executeWithoutResult(status -> store.lock(id).ifPresent(locked -> {
				trail.writeTo(logs, locked);
				logs.step(locked, action.key(), false, ex.getMessage());
				store.releaseLease(id);
			}));
			throw ex;
		}
	}

	private HostingService claim(long id, PanelAction action) {
		HostingService s = store.lock(id).orElse(null);
		if (s == null) {
			return null;
		}
		Instant now = Instant.now(clock);
		if (action == PanelAction.ACTIVATE && s.status() == ServiceStatus.ACTIVE
				&& jobs.getObject()
					.pending(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(ProvisioningJobs.ACTION,
							ProvisioningJobs.actionId(id, PanelAction.SUSPEND)))) {
			// a restoration that overtook its suspension (still running, or revived after
			// a crash): wait for it, then bring the service back
			throw new ServiceBusyException(id, now.plus(lease));
		}
		if (!s.status().canMoveTo(action.target())) {
			logs.step(s, action.key(), false,
					"skipped: a " + s.status().wire() + " service cannot become " + action.target().wire());
			return null;
		}
		String job = ProvisioningJobs.actionId(id, action);
		ServiceLease held = store.leaseOf(id).orElse(null);
		if (held != null && held.blocks(job, now)) {
			throw new ServiceBusyException(id, held.until());
		}
		if (held != null && held.until().isAfter(now)) {
			// this job's own lease: its run before this one was cut off (its node died)
			// before it recorded an outcome; the panel check in call() makes a second
			// call harmless
			logs.step(s, action.key(), true, "resuming: the previous run was cut off before it finished");
		}
		store.lease(id, now.plus(lease), job);
		return s;
	}

	private static void call(HostingPanel panel, PanelAction action, String username, Trail trail) {
		if (alreadyDone(panel, action, username)) {
			// a run before this one got the panel to do it and then died, or lost the
			// answer, before recording it: calling again would suspend (or activate) the
			// account twice
			trail.note(action.key(), true, "the panel had done it already: counted as done");
			return;
		}
		try {
			switch (action) {
				case SUSPEND -> panel.suspend(username);
				case ACTIVATE -> panel.unsuspend(username);
				case TERMINATE -> panel.terminate(username);
			}
		}
		catch (PanelException ex) {
			// already gone is what terminate wants; anything else is a real failure
			boolean gone = action == PanelAction.TERMINATE && panel.findAccount(username).isEmpty();
			if (!gone) {
				throw ex;
			}
			trail.note(action.key(), true, "the account is no longer on the panel: counted as terminated");
		}
	}

	/**
	 * Whether the account is already in the state a suspend or activate asks for, as the
	 * panel reports it (termination has its own check: an account that is gone).
	 */
	private static boolean alreadyDone(HostingPanel panel, PanelAction action, String username) {
		if (action == PanelAction.TERMINATE) {
			return false;
		}
		return panel.findAccount(username)
			.map(account -> account.suspended() == (action == PanelAction.SUSPEND))
			.orElse(false);
	}

	private void done(long id, PanelAction action, Trail trail) {
		HostingService s = store.lock(id).orElseThrow();
		trail.writeTo(logs, s);
		Instant now = Instant.now(clock);
		var pending = store.pendingOf(id);
		store.clearPending(id);
		if (s.status().canMoveTo(action.target())) {
			store.move(s, action.target(), now);
			logs.step(s, "status_update", true, action.target().wire());
			// an admin's reason goes to the customer once the panel has done it
			pending.filter(p -> p.reason() != null && p.action().equals(action.key()))
				.ifPresent(p -> notifications.panelActionDone(store.find(id).orElseThrow(), action, p.reason()));
		}
		else {
			store.releaseLease(id);
		}
	}

	void giveUp(String data, String reason) {
		long id = Long.parseLong(data.substring(0, data.indexOf(':')));
		tx.executeWithoutResult(status -> store.find(id).ifPresent(s -> {
			store.clearPending(id);
			logs.step(s, "action_failed", false,
					data.substring(data.indexOf(':') + 1).toLowerCase(Locale.ROOT) + " gave up: " + reason);
			notifications.provisioningFailed(s, "Admin action failed: " + reason);
		}));
	}

}
