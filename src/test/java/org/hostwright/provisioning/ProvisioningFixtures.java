package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

/** Customers, plans and paid orders for provisioning tests (each test makes its own). */
abstract class ProvisioningFixtures extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	@Autowired
	HostingServices services;

	long customer(String email) {
		return accounts.register(NewAccount.customer("Neema Mushi", email, null, PASSWORD)).id();
	}

	long plan(String slug) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, 2500000, 'TZS', 'MONTHLY', TRUE, 99, ?, ?)""")
			.params(slug, slug, now, now)
			.update();
		return jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
	}

	OrderView placeOrder(long customer, String domain) {
		return orders
			.place(new PlaceOrder(customer, plan("prov-" + System.nanoTime()), "+255712345678", domain, "test"));
	}

	/**
	 * Places and pays an order: OrderPaid is published exactly as the payment flow does.
	 */
	OrderView paidOrder(long customer, String domain) {
		OrderView order = placeOrder(customer, domain);
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		return order;
	}

	HostingService awaitService(long orderId, ServiceStatus status) {
		HostingService[] found = new HostingService[1];
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
			found[0] = services.ofOrder(orderId).orElse(null);
			return found[0] != null && found[0].status() == status;
		});
		return found[0];
	}

	static String domain(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36) + ".co.tz";
	}

}
