package org.hostwright.admin;

import java.sql.Timestamp;
import java.time.Instant;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.WebSession;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins, customers, plans and orders for the console tests; every test makes its own.
 */
abstract class AdminFixtures extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Orders orders;

	/**
	 * A new admin's e-mail (registered as a customer, then promoted: the console has no
	 * role editor).
	 */
	String admin() {
		String email = uniqueEmail("admin");
		accounts
			.register(new NewAccount("Console Admin", email, null, PASSWORD, org.hostwright.accounts.Role.CUSTOMER));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(email).update();
		return email;
	}

	Account customer(String name) {
		return accounts.register(NewAccount.customer(name, uniqueEmail("cust"), "0712345678", PASSWORD));
	}

	long plan(String name, long price, String currency, String period) {
		String slug = "console-" + System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, ?, ?, ?, TRUE, 90, ?, ?)""")
			.params(slug, name, price, currency, period, now, now)
			.update();
		return jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
	}

	OrderView order(long customerId, long planId, String domain) {
		return orders.place(new PlaceOrder(customerId, planId, "+255712345678", domain, "test"));
	}

	/**
	 * Paid without going through the gateway; provisioning then starts as after a real
	 * payment.
	 */
	OrderView paid(long customerId, long planId, String domain) {
		OrderView o = order(customerId, planId, domain);
		orders.markPaid(o.id(), "REF-" + o.id(), "test");
		return orders.find(o.id()).orElseThrow();
	}

	WebSession signedIn(String email) {
		WebSession web = web();
		assertThat(web.signIn(email, PASSWORD).status()).isEqualTo(302);
		return web;
	}

	static String domain(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36) + ".co.tz";
	}

	long audits(String action, String actorEmail) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor_email = ?")
			.params(action, actorEmail)
			.query(Long.class)
			.single();
	}

}
