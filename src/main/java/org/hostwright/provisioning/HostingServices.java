package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.audit.AuditLog;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.SecretVault;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provisioning module's API: hosting services and their logs for pages and other
 * modules, the customer's single sign-on and credentials link, and the admin actions
 * (each a durable job, each audited). Another customer's service is "not found", never
 * "forbidden".
 */
@Service
public class HostingServices {

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final ServiceIntake intake;

	private final PanelSignOn signOn;

	private final CredentialLinks links;

	private final ServiceNotifications notifications;

	private final SecretVault vault;

	private final Orders orders;

	private final Jobs jobs;

	private final OneTimeTask<String> actions;

	private final AuditLog audit;

	private final ServiceQueries queries;

	private final Clock clock;

	HostingServices(ServiceStore store, ProvisioningLog logs, ServiceIntake intake, PanelSignOn signOn,
			CredentialLinks links, ServiceNotifications notifications, SecretVault vault, Orders orders, Jobs jobs,
			@Qualifier("serviceActionTask") OneTimeTask<String> actions, AuditLog audit, ServiceQueries queries,
			Clock clock) {
		this.store = store;
		this.logs = logs;
		this.intake = intake;
		this.signOn = signOn;
		this.links = links;
		this.notifications = notifications;
		this.vault = vault;
		this.orders = orders;
		this.jobs = jobs;
		this.actions = actions;
		this.audit = audit;
		this.queries = queries;
		this.clock = clock;
	}

	public Optional<HostingService> find(long id) {
		return store.find(id);
	}

	public HostingService require(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("service"));
	}

	public HostingService requireOwned(long id, long customerId) {
		return store.find(id)
			.filter(s -> s.customerId() == customerId)
			.orElseThrow(() -> new NotFoundException("service"));
	}

	public Optional<HostingService> ofOrder(long orderId) {
		return store.findByOrder(orderId);
	}

	/** The customer's services, active first. */
	public List<HostingService> ofCustomer(long customerId) {
		return store.ofCustomer(customerId);
	}

	/** The newest log entries first. */
	public List<ProvisioningLogEntry> logs(long serviceId) {
		return logs.of(serviceId, 200);
	}

	public Map<ServiceStatus, Long> countByStatus() {
		return queries.countByStatus();
	}

	public Map<ServiceStatus, Long> countByStatus(long customerId) {
		return queries.countByStatus(customerId);
	}

	/** The customer's paid orders that have no service yet ("Finish setup"). */
	public List<OrderView> awaitingSetup(long customerId) {
		Set<Long> provisioned = new HashSet<>(queries.orderIdsOf(customerId));
		return orders.ofCustomer(customerId, 50)
			.stream()
			.filter(o -> o.status() == OrderStatus.PAID && !provisioned.contains(o.id()))
			.toList();
	}

	/**
	 * "Finish setup": creates the service of the customer's paid order and starts
	 * provisioning.
	 */
	@Transactional
	public HostingService finishSetup(UUID orderUuid, long customerId) {
		OrderView order = orders.requireOwned(orderUuid, customerId);
		return intake.open(order.id());
	}

	/** A one-time URL into the customer's own control panel. */
	public String singleSignOn(long id, long customerId) {
		return signOn.url(requireOwned(id, customerId));
	}

	/** An admin opens the customer's panel (audited). */
	public String adminSingleSignOn(long id) {
		HostingService s = require(id);
		String url = signOn.url(s);
		audit.record("service.panel.opened", "service", id, s.panelUsername());
		return url;
	}

	/**
	 * Redeems a credentials link of the owner: the password once, or empty when the link
	 * is spent.
	 */
	@Transactional
	public Optional<ServiceCredentials> redeemCredentialsLink(long id, long customerId, String token) {
		HostingService s = requireOwned(id, customerId);
		if (!links.consume(id, token)) {
			return Optional.empty();
		}
		logs.step(s, "credentials", true, "shown to the customer through the e-mailed link");
		return Optional.of(credentials(s));
	}

	/** An admin reads the credentials (audited). */
	@Transactional
	public ServiceCredentials revealCredentials(long id) {
		HostingService s = require(id);
		ServiceCredentials credentials = credentials(s);
		audit.record("service.credentials.viewed", "service", id, s.panelUsername());
		return credentials;
	}

	/** E-mails the customer a fresh single-use credentials link (audited). */
	@Transactional
	public void emailCredentials(long id) {
		HostingService s = require(id);
		if (s.panelUsername() == null || store.passwordCipher(id) == null) {
			throw new ConflictException("provisioning.credentials.none", "This service has no panel account yet.");
		}
		notifications.credentials(s);
		logs.step(s, "credentials", true, "link e-mailed to the customer by an admin");
		audit.record("service.credentials.emailed", "service", id, s.panelUsername());
	}

	private ServiceCredentials credentials(HostingService s) {
		String cipher = store.passwordCipher(s.id());
		if (s.panelUsername() == null || cipher == null) {
			throw new ConflictException("provisioning.credentials.none", "This service has no panel account yet.");
		}
		return new ServiceCredentials(s.panelUsername(), vault.decrypt(cipher, "service:" + s.id()),
				signOn.panelUrl(s));
	}

	/**
	 * Starts provisioning again (a failed service, or to repair an active one); attempts
	 * start over.
	 */
	@Transactional
	public void reprovision(long id) {
		HostingService s = store.lock(id).orElseThrow(() -> new NotFoundException("service"));
		Instant now = Instant.now(clock);
		store.restart(s, now);
		intake.schedule(id, now);
		logs.step(s, "reprovision", true, "requested by an admin");
		audit.record("service.reprovision", "service", id, s.domain());
	}

	@Transactional
	public void suspend(long id) {
		request(id, PanelAction.SUSPEND, null);
	}

	/**
	 * Suspends with a reason for the customer, who is e-mailed it (and what to do) once
	 * the panel has suspended the account.
	 */
	@Transactional
	public void suspend(long id, String reason) {
		request(id, PanelAction.SUSPEND, reason);
	}

	@Transactional
	public void activate(long id) {
		request(id, PanelAction.ACTIVATE, null);
	}

	/**
	 * Activates with a note for the customer, who is e-mailed once the panel has
	 * reactivated the account.
	 */
	@Transactional
	public void activate(long id, String reason) {
		request(id, PanelAction.ACTIVATE, reason);
	}

	/**
	 * The panel action asked for and not yet answered, which the service's pages show as
	 * pending.
	 */
	public Optional<PendingAction> pendingOf(long id) {
		return store.pendingOf(id);
	}

	@Transactional
	public void terminate(long id) {
		request(id, PanelAction.TERMINATE, null);
	}

	private void request(long id, PanelAction action, String reason) {
		HostingService s = store.lock(id).orElseThrow(() -> new NotFoundException("service"));
		s.status().checkMoveTo(action.target());
		if (action == PanelAction.TERMINATE) {
			TaskInstanceId waiting = TaskInstanceId.of(ProvisioningJobs.PROVISION, ProvisioningJobs.provisionId(id));
			try {
				jobs.cancelIfPresent(waiting);
			}
			catch (RuntimeException running) {
				// it is running right now: terminate waits for its claim to end
				// (ServiceBusyException)
			}
		}
		jobs.scheduleIfAbsent(actions.instance(ProvisioningJobs.actionId(id, action), action.data(id)),
				Instant.now(clock));
		String note = reason == null || reason.isBlank() ? null : reason.strip();
		store.markPending(id, action, note == null || note.length() <= 500 ? note : note.substring(0, 500),
				Instant.now(clock));
		logs.step(s, action.key(), true, "requested by an admin");
		audit.record("service." + action.key(), "service", id, s.domain());
	}

}
