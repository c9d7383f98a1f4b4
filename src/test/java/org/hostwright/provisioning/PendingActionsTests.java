package org.hostwright.provisioning;

import java.time.Instant;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suspending or activating shows the pending state until the panel answers, and the
 * customer is e-mailed the reason and what to do once it has.
 */
class PendingActionsTests extends ProvisioningFixtures {

	@Autowired
	ServiceStore store;

	@Test
	void aPendingActionIsShownOnBothPagesWhichRefreshThemselves() {
		String email = uniqueEmail("pending");
		long customer = customer(email);
		HostingService service = awaitService(paidOrder(customer, domain("pend-")).id(), ServiceStatus.ACTIVE);
		// the state between the request and the panel's answer, held still for the test
		store.markPending(service.id(), PanelAction.SUSPEND, "Invoice INV-7 is unpaid", Instant.now());

		WebSession owner = web();
		owner.signIn(email, PASSWORD);
		String page = owner.get("/me/services/" + service.id()).body();
		assertThat(page).contains("id=\"pending-action\"", "hx-trigger=\"every 3s\"", "Invoice INV-7 is unpaid",
				"Suspending");
		WebSession admin = web();
		admin.signIn("admin@hostwright.local", "sandbox-admin-2026");
		assertThat(admin.get("/admin/services/" + service.id()).body()).contains("id=\"pending-action\"");
		store.clearPending(service.id());
		assertThat(owner.get("/me/services/" + service.id()).body()).doesNotContain("id=\"pending-action\"");
	}

	@Test
	void theCustomerIsEmailedTheReasonOnceThePanelHasSuspendedAndAgainWhenReactivated() {
		String email = uniqueEmail("suspended");
		long customer = customer(email);
		HostingService service = awaitService(paidOrder(customer, domain("susp-")).id(), ServiceStatus.ACTIVE);
		WebSession admin = web();
		admin.signIn("admin@hostwright.local", "sandbox-admin-2026");
		admin.get("/admin/services/" + service.id());
		var posted = admin.post("/admin/services/" + service.id() + "/suspend",
				Map.of("reason", "Invoice INV-9 is 30 days overdue"));
		assertThat(posted.status()).isEqualTo(302);
		await().atMost(patience()).until(() -> services.require(service.id()).status() == ServiceStatus.SUSPENDED);
		assertThat(services.pendingOf(service.id())).isEmpty();
		var mail = mailbox().await(email, "is suspended");
		assertThat(mail.body()).contains("Invoice INV-9 is 30 days overdue", "What to do");

		ApiClient api = api().signIn("admin@hostwright.local", "sandbox-admin-2026");
		var activated = api.post("/api/admin/services/" + service.id() + "/activate",
				ApiClient.json(Map.of("reason", "Invoice INV-9 paid")));
		assertThat(activated.status()).isEqualTo(202);
		await().atMost(patience()).until(() -> services.require(service.id()).status() == ServiceStatus.ACTIVE);
		assertThat(mailbox().await(email, "is active again").body()).contains("Invoice INV-9 paid");
	}

	@Test
	void withoutAReasonNothingIsSentToTheCustomer() {
		String email = uniqueEmail("quiet");
		long customer = customer(email);
		HostingService service = awaitService(paidOrder(customer, domain("quiet-")).id(), ServiceStatus.ACTIVE);
		services.suspend(service.id());
		await().atMost(patience()).until(() -> services.require(service.id()).status() == ServiceStatus.SUSPENDED);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND template = 'service-suspended'")
					.param(email)
					.query(Long.class)
					.single())
			.isZero();
	}

}
