package org.hostwright.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.BillingPeriod;
import org.hostwright.platform.SandboxClock;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.SandboxClocks;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Customers, admins and subscriptions for the billing tests; the sandbox clock is put
 * back after each.
 */
abstract class BillingTestSupport extends IntegrationTest {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	Accounts accounts;

	@Autowired
	Billing billing;

	@Autowired
	BillingRun run;

	@Autowired
	Clock clock;

	@AfterEach
	void putTheClockBack() {
		SandboxClocks.putBack(clock, jdbc);
	}

	void advance(int days) {
		((SandboxClock) clock).advance(Duration.ofDays(days));
	}

	Account customer(String phone) {
		return accounts.register(NewAccount.customer("Billed Customer", uniqueEmail("billed"), phone, PASSWORD));
	}

	ApiClient signedIn(Account a) {
		return api().signIn(a.email(), PASSWORD);
	}

	ApiClient admin() {
		String email = uniqueEmail("billing-admin");
		accounts.register(NewAccount.customer("Billing Admin", email, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(email).update();
		return api().signIn(email, PASSWORD);
	}

	/**
	 * A hosting subscription whose first period started on {@code start}; answers its id.
	 */
	long subscription(Account customer, long price, BillingPeriod period, LocalDate start) {
		return subscription(customer, price, "TZS", period, start, null);
	}

	/** A hosting subscription in a currency, of a plan (or none). */
	long subscription(Account customer, long price, String currency, BillingPeriod period, LocalDate start,
			Long planId) {
		long source = System.nanoTime();
		billing.startSubscription(new StartSubscription(StartSubscription.HOSTING, source, customer.id(),
				"Test hosting", currency, price, period, start, true, planId));
		return billing.subscriptionOf(StartSubscription.HOSTING, source).orElseThrow().id();
	}

	Subscription sub(long id) {
		return jdbc
			.sql("SELECT id, source_kind, source_id, customer_id, description, currency, price_minor, billing_period, "
					+ "anchor_day, next_due_date, next_period_end, auto_renew, status FROM billing_subscriptions WHERE id = ?")
			.param(id)
			.query(SubscriptionStore::row)
			.single();
	}

	long renewalInvoices(long subscriptionId) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE subscription_id = ?")
			.param(subscriptionId)
			.query(Long.class)
			.single();
	}

	long renewalInvoice(long subscriptionId, LocalDate periodStart) {
		return jdbc.sql("SELECT id FROM invoices WHERE subscription_id = ? AND period_start = ?")
			.params(subscriptionId, java.sql.Date.valueOf(periodStart))
			.query(Long.class)
			.single();
	}

	static String json(Map<String, ?> body) {
		return ApiClient.json(body);
	}

}
