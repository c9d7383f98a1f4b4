package org.hostwright.provisioning;

import java.util.List;

import org.hostwright.ordering.OrderPaid;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.ConflictException;
import org.hostwright.sandbox.WebuzoSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paid order → service → panel account, through the real client and the simulator's test
 * domains.
 */
class ProvisioningFlowTests extends ProvisioningFixtures {

	@Autowired
	WebuzoSimulator simulator;

	@Autowired
	ServiceIntake intake;

	@Autowired
	org.hostwright.catalog.Catalog catalog;

	@Autowired
	ServiceAddresses addresses;

	@Test
	void paidOrderBecomesAnActiveAccountAndTheCustomerGetsALinkNotAPassword() {
		String email = uniqueEmail("Neema.K");
		long customer = customer(email);
		String domain = domain("shop-");
		OrderView order = paidOrder(customer, domain);

		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThat(service.panelUsername()).matches("[a-z][a-z0-9]{0,7}").startsWith("neemak");
		assertThat(service.attempts()).isEqualTo(1);
		assertThat(service.lastProvisionedAt()).isNotNull();
		assertThat(service.panelPackage()).isEqualTo("Hollyn Lite");
		assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.ACTIVE);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().email())
			.isEqualTo(email.toLowerCase(java.util.Locale.ROOT));

		List<ProvisioningLogEntry> log = services.logs(service.id());
		assertThat(log).extracting(ProvisioningLogEntry::step).contains("add_user", "domainadd", "status_update");
		assertThat(log.stream().filter(e -> e.step().equals("add_user")).findFirst().orElseThrow().request())
			.contains("user_passwd=[redacted]");

		var mail = mailbox().await(email.toLowerCase(java.util.Locale.ROOT), "is ready");
		assertThat(mail.link("/me/services/" + service.id() + "/credentials?token=")).isNotBlank();
		String password = services.revealCredentials(service.id()).password();
		assertThat(mail.body()).doesNotContain(password);
	}

	@Test
	void activeServicesAreCountedOnThePlanFigures() {
		long customer = customer(uniqueEmail("planstats"));
		OrderView order = paidOrder(customer, domain("figures-"));
		awaitService(order.id(), ServiceStatus.ACTIVE);
		long expected = jdbc.sql("SELECT COUNT(*) FROM services WHERE plan_id = ? AND status = 'active'")
			.param(order.planId())
			.query(Long.class)
			.single();
		var figures = catalog.figures(List.of(order.planId())).get(order.planId());
		assertThat(figures.activeServices()).isEqualTo(expected).isPositive();
		assertThat(figures.orders()).isPositive();
	}

	@Test
	void redeliveredOrderPaidCreatesNoSecondService() {
		long customer = customer(uniqueEmail("redeliver"));
		OrderView order = paidOrder(customer, domain("again-"));
		HostingService first = awaitService(order.id(), ServiceStatus.ACTIVE);
		intake.on(new OrderPaid(order.id(), order.uuid(), customer, order.planId()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM services WHERE order_id = ?")
			.param(order.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(services.ofOrder(order.id()).orElseThrow().id()).isEqualTo(first.id());
	}

	@Test
	void flakyPanelSucceedsOnTheThirdAttempt() {
		long customer = customer(uniqueEmail("flaky"));
		String domain = domain("flaky-");
		OrderView order = paidOrder(customer, domain);
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThat(service.attempts()).isEqualTo(3);
		assertThat(services.logs(service.id())).filteredOn(e -> e.step().equals("attempt_failed")).hasSize(2);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
	}

	@Test
	void brokenPanelFailsAfterThreeAttemptsAndTheAdminsAreTold() {
		long customer = customer(uniqueEmail("broken"));
		String domain = domain("broken-");
		OrderView order = paidOrder(customer, domain);
		HostingService service = awaitService(order.id(), ServiceStatus.FAILED);
		assertThat(service.attempts()).isEqualTo(3);
		assertThat(service.lastFailedAt()).isNotNull();
		assertThat(service.lastError()).contains("misconfigured");
		assertThat(orders.find(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.PAID);
		assertThat(simulator.countByDomain(domain)).isZero();
		mailbox().await("admin@hostwright.local", "Provisioning failed: service #" + service.id());

		// the admin fixes the cause elsewhere; re-provisioning starts the attempts over
		// (and fails again here)
		services.reprovision(service.id());
		assertThat(services.require(service.id()).status()).isEqualTo(ServiceStatus.REQUESTED);
		awaitService(order.id(), ServiceStatus.FAILED);
	}

	@Test
	void anAccountThatAlreadyExistsWithOurDomainCountsAsCreated() {
		long customer = customer(uniqueEmail("exists"));
		String domain = domain("exists-");
		OrderView order = paidOrder(customer, domain);
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		assertThat(services.logs(service.id())).anySatisfy(e -> assertThat(e.message()).contains("already exists"));
	}

	@Test
	void aUsernameAnotherPanelAccountHoldsIsReplacedAndTheAccountCreatedOnce() {
		// an address whose base is this test's own, so the platform's first choice is
		// that
		// base; someone else's account already holds it on the panel (made there by hand,
		// or by another platform), unknown to our database
		String base = "r" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		String email = base + "@rename.example.test";
		simulator.putAccount(base, domain("theirs-"), "someone.else@example.test", "Hollyn Lite");
		long customer = customer(email);
		String domain = domain("rename-");

		HostingService service = awaitService(paidOrder(customer, domain).id(), ServiceStatus.ACTIVE);

		assertThat(service.panelUsername()).isNotEqualTo(base).matches("[a-z][a-z0-9]{0,7}");
		assertThat(service.attempts()).as("renamed within the attempt, not retried").isEqualTo(1);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		assertThat(simulator.account(service.panelUsername()).orElseThrow().domain()).isEqualTo(domain);
		assertThat(simulator.account(base).orElseThrow().email()).as("theirs, untouched")
			.isEqualTo("someone.else@example.test");
		assertThat(services.logs(service.id())).anySatisfy(e -> assertThat(e.message())
			.contains(base + " belongs to another panel account: using " + service.panelUsername()));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM services WHERE panel_username = ?")
			.param(base)
			.query(Long.class)
			.single()).as("the first choice is not kept on the service").isZero();
	}

	/**
	 * The panel refuses the base and every two-digit name after it (accounts made there
	 * by hand, unknown to our database): each rename of the attempt offers a name not yet
	 * refused, never the base again (it is free in our database, so a second rename used
	 * to pick it).
	 */
	@Test
	void aRenameNeverOffersAgainANameThePanelRefusedInTheSameAttempt() {
		String base = "s" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		simulator.putAccount(base, domain("theirs-"), "someone.else@example.test", "Hollyn Lite");
		for (int i = 0; i < 100; i++) {
			simulator.putAccount(base + String.format("%02d", i), domain("theirs-"), "someone.else@example.test",
					"Hollyn Lite");
		}
		long customer = customer(base + "@rename.example.test");
		long orderId = paidOrder(customer, domain("refused-")).id();

		// the first attempt's three renames (the attempts after it go on in the
		// background and end failed: every name they can pick is refused too)
		List<String> renames = new java.util.ArrayList<>();
		org.awaitility.Awaitility.await()
			.atMost(patience())
			.pollInterval(java.time.Duration.ofMillis(100))
			.until(() -> {
				renames.clear();
				services.ofOrder(orderId)
					.ifPresent(service -> services.logs(service.id())
						.stream()
						.sorted(java.util.Comparator.comparingLong(ProvisioningLogEntry::id))
						.map(ProvisioningLogEntry::message)
						.filter(m -> m != null && m.contains(" belongs to another panel account: using "))
						.forEach(renames::add));
				return renames.size() >= 3;
			});
		// base -> a -> b -> c, each refused
		List<String> offered = renames.subList(0, 3).stream().map(m -> m.substring(m.lastIndexOf(' ') + 1)).toList();
		assertThat(offered).doesNotContain(base).doesNotHaveDuplicates();
		assertThat(renames.get(0)).startsWith(base + " belongs");
	}

	@Test
	void anOrderWithoutADomainRenamedOnThePanelGetsTheMainDomainOfItsNewUsername() {
		// without a domain the account's main domain is <username>.<suffix>; after a
		// rename it stayed the refused username's: the address pages and mails show
		// (the new username's) was on no account, and a run resumed after a crash
		// before the commit took its own account for someone else's and made another
		String base = "d" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		String email = base + "@rename.example.test";
		String theirs = domain("theirs-");
		simulator.putAccount(base, theirs, "someone.else@example.test", "Hollyn Lite");
		long customer = customer(email);

		HostingService service = awaitService(paidOrder(customer, null).id(), ServiceStatus.ACTIVE);

		String username = service.panelUsername();
		assertThat(service.domain()).isNull();
		assertThat(username).isNotEqualTo(base).matches("[a-z][a-z0-9]{0,7}");
		assertThat(service.attempts()).as("renamed within the attempt, not retried").isEqualTo(1);
		assertThat(simulator.accounts()).filteredOn(a -> email.equalsIgnoreCase(a.email()))
			.singleElement()
			.satisfies(ours -> {
				assertThat(ours.user()).isEqualTo(username);
				assertThat(ours.domain()).isEqualTo(addresses.of(null, username));
			});
		assertThat(simulator.account(base)).as("theirs, untouched")
			.contains(new WebuzoSimulator.SimulatedAccount(base, theirs, "someone.else@example.test", "Hollyn Lite",
					false, List.of()));
	}

	@Test
	void slowPanelTimesOutOnceThenTheRetryFindsTheAccount() {
		long customer = customer(uniqueEmail("slow"));
		String domain = domain("slow-");
		OrderView order = paidOrder(customer, domain);
		HostingService service = awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThat(service.attempts()).isEqualTo(2);
		assertThat(simulator.countByDomain(domain)).isEqualTo(1);
		assertThat(services.logs(service.id())).anySatisfy(e -> assertThat(e.response()).contains("timed out"));
	}

	@Test
	void anAccountWithLiveServicesCannotBeDeleted() {
		long customer = customer(uniqueEmail("guard"));
		OrderView order = paidOrder(customer, domain("guard-"));
		awaitService(order.id(), ServiceStatus.ACTIVE);
		assertThatThrownBy(() -> accounts.deleteWithoutPassword(customer)).isInstanceOf(ConflictException.class)
			.extracting(ex -> ((ConflictException) ex).code())
			.isEqualTo("provisioning.account.hasServices");
	}

}
