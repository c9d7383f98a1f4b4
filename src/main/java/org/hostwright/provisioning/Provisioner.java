package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hostwright.accounts.Accounts;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.Orders;
import org.hostwright.platform.SecretVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One provisioning attempt: claim the service in a short transaction (row lock, status
 * provisioning, username and encrypted password fixed once), call the panel outside any
 * transaction, record the result in another. The panel is the idempotency guard for a
 * crash between the call and the commit: a username that already exists with this
 * service's domain and e-mail is ours, so it counts as created.
 */
@Component
class Provisioner {

	private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

	record Claim(HostingService service, String email, String username, String password, String domain,
			String panelPackage) {

		@Override
		public String toString() {
			return "Claim[service=" + service.id() + ", username=" + username + "]";
		}

	}

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final PanelConnector panels;

	private final PanelServers servers;

	private final SecretVault vault;

	private final Accounts accounts;

	private final Orders orders;

	private final ServiceNotifications notifications;

	private final ProvisioningProperties properties;

	private final Duration lease;

	/** How far ahead a run may book panel calls; beyond it the job asks again later. */
	private static final Duration RESERVATION_HORIZON = Duration.ofSeconds(10);

	/**
	 * Panel calls booked for a service's next run on this node (see reservePanelCalls).
	 */
	private final java.util.Map<Long, Integer> reserved = new java.util.concurrent.ConcurrentHashMap<>();

	private final TransactionTemplate tx;

	private final TransactionTemplate savepoint;

	private final Clock clock;

	Provisioner(ServiceStore store, ProvisioningLog logs, PanelConnector panels, PanelServers servers,
			SecretVault vault, Accounts accounts, Orders orders, ServiceNotifications notifications,
			ProvisioningProperties properties, WebuzoProperties webuzo, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.logs = logs;
		this.panels = panels;
		this.servers = servers;
		this.vault = vault;
		this.accounts = accounts;
		this.orders = orders;
		this.notifications = notifications;
		this.properties = properties;
		// long enough for every panel call of one run to time out
		this.lease = webuzo.timeout().plus(webuzo.connectTimeout()).multipliedBy(5).plusSeconds(30);
		this.tx = tx;
		this.savepoint = new TransactionTemplate(tx.getTransactionManager());
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	/**
	 * Runs one attempt; throws when it failed (the job's failure handler decides what
	 * happens next), or {@link PanelBudgetWait} before doing anything when the panel
	 * server's call budget is taken.
	 */
	void provision(long serviceId) {
		provision(serviceId, false);
	}

	/**
	 * Runs one attempt. {@code fromJob}: the caller is the service's provisioning job.
	 * db-scheduler runs one execution of that job at a time and runs it again only once
	 * the node that ran it missed its heartbeats, so a claim the job finds still held
	 * belongs to a run that died: it resumes at once, and the cut-off run does not count
	 * as an attempt.
	 */
	void provision(long serviceId, boolean fromJob) {
		// a job books its panel calls first and comes back later rather than wait; a
		// direct call (an admin
		// action, a test) takes them from the limiter as it goes
		int prepaid = fromJob ? reservePanelCalls(serviceId) : 0;
		Trail trail = new Trail();
		Claim claim;
		try {
			claim = tx.execute(status -> claim(serviceId, fromJob));
		}
		catch (ServiceBusyException busy) {
			throw busy;
		}
		catch (RuntimeException ex) {
			tx.executeWithoutResult(status -> attemptFailed(serviceId, trail, ex));
			throw ex;
		}
		if (claim == null) {
			return;
		}
		trail.writeThrough(logs, claim.service());
		try {
			HostingPanel panel = panels.open(claim.service().panelServerId(), trail, prepaid);
			String username = createOrAdopt(panel, claim, trail);
			addDomainBestEffort(panel, username, claim, trail);
			tx.executeWithoutResult(status -> succeeded(serviceId, trail));
		}
		catch (RuntimeException ex) {
			log.warn("Provisioning of service {} failed: {}", serviceId, ex.getMessage());
			tx.executeWithoutResult(status -> attemptFailed(serviceId, trail, ex));
			throw ex;
		}
	}

	/**
	 * Takes this run's panel calls (create, and add the domain) from the server's budget
	 * before claiming: when they are only free a little later, the job comes back then
	 * (the calls stay reserved for it on this node) rather than blocking a job thread on
	 * the limiter.
	 * @return the calls already paid for
	 */
	private int reservePanelCalls(long serviceId) {
		Integer paid = reserved.remove(serviceId);
		if (paid != null) {
			return paid;
		}
		HostingService s = store.find(serviceId).orElse(null);
		if (s == null || !s.status().inProgress()) {
			return 0;
		}
		Long server = s.panelServerId() != null ? s.panelServerId()
				: servers.defaultServer().map(PanelServer::id).orElse(null);
		if (server == null) {
			return 0;
		}
		// never more than the budget holds at once (a limit of 1 call per second books
		// one call ahead)
		int calls = Math.min(s.domain() != null ? 2 : 1, properties.rateLimit());
		PanelConnector.Reservation r = panels.reserve(server, calls, RESERVATION_HORIZON);
		Instant now = Instant.now(clock);
		if (!r.granted()) {
			throw new PanelBudgetWait(serviceId, now.plus(r.after()));
		}
		if (!r.after().isZero()) {
			reserved.put(serviceId, calls);
			throw new PanelBudgetWait(serviceId, now.plus(r.after()));
		}
		return calls;
	}

	private Claim claim(long id, boolean fromJob) {
		HostingService s = store.lock(id).orElse(null);
		if (s == null || !s.status().inProgress()) {
			return null; // deleted, or already active/suspended/cancelled/failed: nothing
							// to do
		}
		Instant now = Instant.now(clock);
		Instant held = store.leaseOf(id).map(ServiceLease::until).orElse(null);
		if (held != null && held.isAfter(now) && !fromJob) {
			throw new ServiceBusyException(id, held);
		}
		// a claim never released: its run was cut off (a crash) before recording any
		// outcome
		boolean resumed = held != null && s.attempts() > 0;
		if (!resumed && s.attempts() >= properties.maxAttempts()) {
			fail(s, "no attempt left (" + s.attempts() + " of " + properties.maxAttempts() + " made)");
			return null;
		}
		long server = s.panelServerId() != null ? s.panelServerId()
				: servers.defaultServer()
					.map(PanelServer::id)
					.orElseThrow(() -> new PanelException(PanelException.Kind.UNREACHABLE, "no active panel server"));
		String email = accounts.require(s.customerId()).email();
		String username = s.panelUsername() != null ? s.panelUsername() : reserveUsername(id, server, email);
		String cipher = store.passwordCipher(id);
		String password = cipher != null ? vault.decrypt(cipher, "service:" + id) : Passwords.generate();
		store.markProvisioning(s, !resumed, now, now.plus(lease), server, username,
				cipher != null ? cipher : vault.encrypt(password, "service:" + id));
		HostingService claimed = store.find(id).orElseThrow();
		logs.step(claimed, "status_update", true,
				"provisioning: " + (resumed ? "resuming " : "") + "attempt " + claimed.attempts() + " of "
						+ properties.maxAttempts() + " as " + username + " on panel server " + server
						+ (resumed ? " (the previous run was cut off before it finished; it does not count)" : ""));
		return new Claim(claimed, email, username, password, mainDomain(s, username), s.panelPackage());
	}

	/**
	 * The order's domain, or {@code <username>.<suffix>} when it named none: that one
	 * follows a rename, as does the address pages and mails show (ServiceAddresses).
	 */
	private String mainDomain(HostingService s, String username) {
		return s.domain() != null ? s.domain() : username + "." + properties.fallbackDomainSuffix();
	}

	/**
	 * Fixes a free username on the panel server for this service. Two services of one
	 * customer start from the same base: the unique index decides, and the loser takes
	 * the next candidate inside its own savepoint, so its claim (and its attempt) goes on
	 * instead of failing on the index.
	 */
	private String reserveUsername(long id, long server, String email) {
		Set<String> refused = new HashSet<>();
		for (int i = 0; i < 10; i++) {
			String candidate = Usernames.generateAmong(email, batch -> takenOrRefused(server, batch, refused));
			try {
				savepoint.executeWithoutResult(status -> store.reservePanelAccount(id, server, candidate));
				return candidate;
			}
			catch (DataIntegrityViolationException taken) {
				refused.add(candidate);
			}
		}
		throw new PanelException(PanelException.Kind.REFUSED, "no free panel username for this customer");
	}

	private Set<String> takenOrRefused(long server, List<String> candidates, Set<String> refused) {
		Set<String> taken = store.usernamesTaken(server, candidates);
		candidates.stream().filter(refused::contains).forEach(taken::add);
		return taken;
	}

	private String createOrAdopt(HostingPanel panel, Claim claim, Trail trail) {
		String username = claim.username();
		// every name the panel refused in this attempt: our database does not know them,
		// so without this a second rename offered the first refused name again
		Set<String> refused = new HashSet<>();
		for (int rename = 0;; rename++) {
			String domain = mainDomain(claim.service(), username);
			try {
				panel.createAccount(
						new NewPanelAccount(username, claim.password(), domain, claim.email(), claim.panelPackage()));
				trail.note("create_user", true, "account " + username + " created");
				return username;
			}
			catch (PanelException ex) {
				if (!ex.alreadyExists()) {
					throw ex;
				}
				Optional<PanelAccount> existing = panel.findAccount(username);
				if (existing.isPresent() && existing.get().belongsTo(domain, claim.email())) {
					trail.note("create_user", true, "account " + username
							+ " already exists with this service's domain and e-mail: counted as created");
					return username;
				}
				if (rename >= 3) {
					throw new PanelException(PanelException.Kind.REFUSED, "no free username on the panel");
				}
				String taken = username;
				refused.add(taken);
				Set<String> avoid = Set.copyOf(refused);
				username = tx.execute(status -> rename(claim.service(), claim.email(), avoid));
				trail.note("username", true, taken + " belongs to another panel account: using " + username);
			}
		}
	}

	private String rename(HostingService s, String email, Set<String> refused) {
		String next = Usernames.generateAmong(email, batch -> takenOrRefused(s.panelServerId(), batch, refused));
		store.rename(s.id(), next);
		return next;
	}

	private void addDomainBestEffort(HostingPanel panel, String username, Claim claim, Trail trail) {
		if (claim.service().domain() == null) {
			return;
		}
		try {
			panel.addDomain(username, claim.domain());
			trail.note("add_domain", true, claim.domain() + " added");
		}
		catch (PanelException ex) {
			boolean there = ex.alreadyExists();
			trail.note("add_domain", there, there ? claim.domain() + " is already on the account"
					: "best-effort, not retried: " + ex.getMessage());
		}
	}

	private void succeeded(long id, Trail trail) {
		HostingService s = store.lock(id).orElseThrow();
		trail.writeTo(logs, s);
		if (s.status() != ServiceStatus.PROVISIONING) {
			logs.step(s, "status_update", false,
					"the service became " + s.status().wire() + " meanwhile: left as it is");
			return;
		}
		Instant now = Instant.now(clock);
		store.markActive(s, now);
		logs.step(s, "status_update", true, "active");
		orders.find(s.orderId())
			.filter(o -> o.status() == OrderStatus.PAID)
			.ifPresent(o -> orders.markActive(o.id(), "hosting service #" + id + " active"));
		if (s.lastProvisionedAt() == null) {
			notifications.serviceReady(store.find(id).orElseThrow());
		}
	}

	private void attemptFailed(long id, Trail trail, RuntimeException ex) {
		store.lock(id).ifPresent(s -> {
			trail.writeTo(logs, s);
			String reason = reason(ex);
			logs.step(s, "attempt_failed", false, reason);
			Instant now = Instant.now(clock);
			store.attemptFailed(id, cut(reason), now);
		});
	}

	/** After the last attempt: failed, the admins are told, and the customer too. */
	void giveUp(long id, String reason) {
		tx.executeWithoutResult(status -> store.lock(id).ifPresent(s -> fail(s, reason)));
	}

	private void fail(HostingService s, String reason) {
		if (!s.status().inProgress()) {
			return;
		}
		Instant now = Instant.now(clock);
		store.markFailed(s, now);
		logs.step(s, "status_update", false, "failed: " + reason);
		HostingService failed = store.find(s.id()).orElseThrow();
		notifications.provisioningFailed(failed, reason);
		notifications.setupFailed(failed);
	}

	/**
	 * What the admins read in the step log: the panel's own words, never database or
	 * driver internals (those go to the application log).
	 */
	static String reason(RuntimeException ex) {
		if (ex instanceof PanelException) {
			return ex.getMessage();
		}
		log.warn("Provisioning attempt failed unexpectedly", ex);
		if (ex instanceof DataAccessException) {
			return "internal error: the database refused the change (details in the application log)";
		}
		return "internal error: " + ex.getClass().getSimpleName() + " (details in the application log)";
	}

	static String cut(String s) {
		return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
	}

}
