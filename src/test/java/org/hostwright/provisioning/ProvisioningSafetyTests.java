package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.hostwright.ordering.OrderView;
import org.hostwright.platform.SecretVault;
import org.hostwright.sandbox.WebuzoSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrency, crash recovery and secrecy of the panel password. */
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningSafetyTests extends ProvisioningFixtures {

	@Autowired
	WebuzoSimulator simulator;

	@Autowired
	Provisioner provisioner;

	@Autowired
	ServiceStore store;

	@Autowired
	ServiceIntake intake;

	@Autowired
	SecretVault vault;

	@Autowired
	ProvisioningLog logs;

	@Autowired
	PanelServers servers;

	@Autowired
	com.zaxxer.hikari.HikariDataSource hikari;

	@Autowired
	PanelActions actions;

	/**
	 * A service row with no job yet (its order stays pending, so no OrderPaid starts
	 * one).
	 */
	private HostingService bareService(long customer, String domain) {
		OrderView order = placeOrder(customer, domain);
		long id = store.insert(new ServiceStore.NewService(order.id(), order.uuid(), customer, order.planId(),
				order.planSlug(), domain, servers.defaultServer().orElseThrow().id(), "Hollyn Lite"), Instant.now());
		return store.find(id).orElseThrow();
	}

	@Test
	void twoConcurrentAttemptsOnOneServiceCreateOneAccount() throws Exception {
		long customer = customer(uniqueEmail("race"));
		String domain = domain("race-");
		HostingService service = bareService(customer, domain);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<String>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
					provisioner.provision(service.id());
					return "ran";
				}
				catch (ServiceBusyException busy) {
					return "busy";
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
		}
		start.countDown();
		List<String> outcomes = runs.stream().map(CompletableFuture::join).toList();

		assertThat(outcomes).contains("ran");
		assertThat(store.find(service.id()).orElseThrow().status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		// a late third run finds the service active and does nothing
		provisioner.provision(service.id());
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
	}

	@Test
	void aRestartAfterThePanelCallNeitherLosesTheJobNorCreatesASecondAccount() {
		String email = uniqueEmail("crash");
		long customer = customer(email);
		String domain = domain("crash-");
		HostingService service = bareService(customer, domain);
		// the previous run claimed the service, created the account, then the node died
		// before committing
		String username = "c" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		jdbc.sql(
				"UPDATE services SET status = 'provisioning', attempts = 1, panel_username = ?, password_enc = ?, claimed_until = ? WHERE id = ?")
			.params(username, vault.encrypt("Crash!Passw0rd-42", "service:" + service.id()),
					Timestamp.from(Instant.now().minusSeconds(1)), service.id())
			.update();
		simulator.putAccount(username, domain, email.toLowerCase(java.util.Locale.ROOT), "Hollyn Lite");

		// after the restart the job runs again (db-scheduler revives the dead execution)
		intake.schedule(service.id(), Instant.now());

		HostingService done = awaitService(service.orderId(), ServiceStatus.ACTIVE);
		assertThat(done.panelUsername()).isEqualTo(username);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		assertThat(services.revealCredentials(done.id()).password()).isEqualTo("Crash!Passw0rd-42");
	}

	@Test
	void anAdminActionCutOffByACrashTakesItsOwnLeaseBackButWaitsForAnotherJob() {
		long customer = customer(uniqueEmail("actcut"));
		HostingService service = awaitService(paidOrder(customer, domain("actcut-")).id(), ServiceStatus.ACTIVE);
		String suspension = service.id() + ":SUSPEND";
		Instant held = Instant.now().plusSeconds(600);
		// another job (a plan change) holds the service: the suspension waits for it
		store.lease(service.id(), held, "plan-change-1");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.run(suspension))
			.isInstanceOf(ServiceBusyException.class);

		// this suspension's own run leased the service, then its node died: the revived
		// run goes on at once instead of waiting ten minutes for its own lease
		store.lease(service.id(), held, ProvisioningJobs.actionId(service.id(), PanelAction.SUSPEND));
		actions.run(suspension);

		assertThat(store.find(service.id()).orElseThrow().status()).isEqualTo(ServiceStatus.SUSPENDED);
		assertThat(store.leaseOf(service.id())).isEmpty();
		assertThat(simulator.account(service.panelUsername()).orElseThrow().suspended()).isTrue();
		assertThat(messages(service.id()))
			.anyMatch(m -> m != null && m.contains("resuming: the previous run was cut off"));
	}

	@Test
	void aRunCutOffByACrashResumesAtOnceAndDoesNotCountAsAnAttempt() {
		long customer = customer(uniqueEmail("cutoff"));
		String domain = domain("cutoff-");
		HostingService service = bareService(customer, domain);
		// a node claimed the service (lease ten minutes ahead), then died before
		// recording any outcome
		jdbc.sql("UPDATE services SET status = 'provisioning', attempts = 1, claimed_until = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().plusSeconds(600)), service.id())
			.update();

		// db-scheduler revived the dead execution: the job resumes without waiting for
		// the lease
		provisionAsJob(service.id());

		HostingService done = store.find(service.id()).orElseThrow();
		assertThat(done.status()).isEqualTo(ServiceStatus.ACTIVE);
		assertThat(done.attempts()).isEqualTo(1);
		assertThat(messages(service.id())).anyMatch(m -> m.contains("resuming attempt 1 of"));
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
	}

	@Test
	void theClaimChecksTheAttemptLimitSoTheLogNeverSaysAttemptFourOfThree() {
		long customer = customer(uniqueEmail("limit"));
		HostingService service = bareService(customer, domain("limit-"));
		jdbc.sql("UPDATE services SET attempts = ? WHERE id = ?").params(3, service.id()).update();

		provisionAsJob(service.id());

		assertThat(store.find(service.id()).orElseThrow().status()).isEqualTo(ServiceStatus.FAILED);
		assertThat(store.find(service.id()).orElseThrow().attempts()).isEqualTo(3);
		assertThat(messages(service.id())).noneMatch(m -> m.contains("attempt 4"));
	}

	@Test
	void twoServicesOfOneCustomerClaimedTogetherGetTwoUsernamesAndLoseNoAttempt() throws Exception {
		long customer = customer(uniqueEmail("twins"));
		List<HostingService> twins = List.of(bareService(customer, domain("twin-a-")),
				bareService(customer, domain("twin-b-")));
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (HostingService s : twins) {
			runs.add(CompletableFuture.runAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
				provisionAsJob(s.id());
			}));
		}
		start.countDown();
		runs.forEach(CompletableFuture::join);

		HostingService a = store.find(twins.get(0).id()).orElseThrow();
		HostingService b = store.find(twins.get(1).id()).orElseThrow();
		assertThat(List.of(a.status(), b.status())).containsOnly(ServiceStatus.ACTIVE);
		assertThat(a.panelUsername()).isNotEqualTo(b.panelUsername());
		assertThat(List.of(a.attempts(), b.attempts())).containsOnly(1);
	}

	@Test
	void aPaidOrderStillBecomesAServiceOnceThePoolHasRetiredTheConnectionThatBuiltTheSchema() {
		// what the pool does to every connection after its maximum lifetime (30 min): the
		// migration's one too. H2 2.4.240 then refused every write checked by
		// CHECK (status IN (...)) ("Check constraint invalid") until a restart.
		hikari.getHikariPoolMXBean().softEvictConnections();
		OrderView order = paidOrder(customer(uniqueEmail("retired")), domain("retired-"));
		assertThat(awaitService(order.id(), ServiceStatus.ACTIVE).attempts()).isEqualTo(1);
	}

	@Test
	void anUnexpectedFailureShowsNoDatabaseTextInTheStepLog() {
		String reason = Provisioner.reason(new org.springframework.dao.DataIntegrityViolationException(
				"could not execute statement: ERROR: duplicate key value violates unique constraint \"services_panel_user_uk\""));
		assertThat(reason).doesNotContain("services_panel_user_uk").doesNotContain("ERROR").contains("internal error");
	}

	private List<String> messages(long serviceId) {
		return jdbc.sql("SELECT message FROM provisioning_logs WHERE service_id = ? ORDER BY id")
			.param(serviceId)
			.query(String.class)
			.list();
	}

	@Test
	void aPanelCallIsInTheStepLogBeforeItsAnswerComes() {
		HostingService service = bareService(customer(uniqueEmail("calllog")), domain("calllog-"));
		Trail trail = new Trail();
		trail.writeThrough(logs, service);

		trail.calling("create_user", "POST /index.php?act=add_user");
		// had the node died here, the call would be in the log all the same
		assertThat(jdbc.sql("SELECT success, message FROM provisioning_logs WHERE service_id = ? AND step = ?")
			.params(service.id(), "create_user")
			.query((rs, n) -> rs.getBoolean(1) + " " + rs.getString(2))
			.list()).singleElement().asString().startsWith("false called");

		trail.accept(new PanelExchange("create_user", "POST /index.php?act=add_user", "HTTP 200 {}", true, 12));
		assertThat(
				jdbc.sql("SELECT response FROM provisioning_logs WHERE service_id = ? AND step = ? AND success = TRUE")
					.params(service.id(), "create_user")
					.query(String.class)
					.list())
			.containsExactly("HTTP 200 {}");
	}

	@Test
	void thePasswordIsReadableNeitherInTheDatabaseNorInTheLogs(CapturedOutput output) {
		long customer = customer(uniqueEmail("secret"));
		OrderView order = paidOrder(customer, domain("secret-"));
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		services.emailCredentials(service.id());
		String password = services.revealCredentials(service.id()).password();

		assertThat(password).hasSizeGreaterThanOrEqualTo(14)
			.matches(".*[A-Z].*")
			.matches(".*[a-z].*")
			.matches(".*[0-9].*")
			.matches(".*[^A-Za-z0-9].*");
		for (String table : List.of("provisioning_logs", "services", "outbox_messages", "audit_log",
				"service_credential_links", "scheduled_tasks", "event_publication")) {
			assertThat(rowsContaining(table, password)).as(table).isZero();
		}
		assertThat(output.getAll()).doesNotContain(password);

		// a key rotation keeps every stored password readable
		vault.rotate();
		assertThat(services.revealCredentials(service.id()).password()).isEqualTo(password);
	}

	/**
	 * Rows of the table whose text columns contain the value (every column cast to text).
	 */
	private long rowsContaining(String table, String value) {
		List<String> columns = jdbc.sql(
				"SELECT column_name FROM information_schema.columns WHERE LOWER(table_name) = ? AND LOWER(table_schema) = 'public'")
			.param(table)
			.query(String.class)
			.list();
		if (columns.isEmpty()) {
			return 0;
		}
		String where = String.join(" OR ", columns.stream().map(c -> "CAST(" + c + " AS VARCHAR) LIKE ?").toList());
		Object[] params = columns.stream().map(c -> "%" + value + "%").toArray();
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + where).params(params).query(Long.class).single();
	}

	/**
	 * Runs the attempt as the provisioning job does: when the panel's call budget is
	 * booked ahead, the job comes back at the given moment (here: waits for it) instead
	 * of holding a thread.
	 */
	private void provisionAsJob(long serviceId) {
		for (int i = 0; i < 50; i++) {
			try {
				provisioner.provision(serviceId, true);
				return;
			}
			catch (PanelBudgetWait later) {
				long wait = java.time.Duration.between(java.time.Instant.now(), later.until()).toMillis();
				try {
					Thread.sleep(Math.max(10, wait));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalStateException("the panel budget never became free");
	}

}
