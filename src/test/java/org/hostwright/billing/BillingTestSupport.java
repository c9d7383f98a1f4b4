package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.awaitility.Awaitility;
import org.hostwright.catalog.BillingPeriod;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.platform.SandboxClock;
import org.hostwright.provisioning.HostingService;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.provisioning.ServiceStatus;
import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import org.hostwright.support.SandboxClocks;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers, admins, subscriptions, paid hosting and billing runs for the billing tests,
 * and what they count afterwards; the sandbox clock is put back after each.
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

	@Autowired
	Orders orders;

	@Autowired
	HostingServices services;

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

	/** An active monthly hosting plan at {@code price}; answers its id. */
	long hostingPlan(long price) {
		String slug = "billing-" + System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, ?, 'TZS', 'MONTHLY', TRUE, 95, ?, ?)""")
			.params(slug, "Billing Plan " + price, price, now, now)
			.update();
		return jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
	}

	/**
	 * A hosting service of {@code plan} for the customer, ordered, paid and set up:
	 * active on the panel.
	 */
	HostingService activeService(Account c, long plan, String prefix) {
		OrderView order = orders.place(new PlaceOrder(c.id(), plan, "+255712345678",
				prefix + Long.toString(System.nanoTime(), 36) + ".co.tz", "test"));
		billing.payOrder(order.id(), order.priceMinor(), PaymentMethod.MANUAL, "T-" + order.id());
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		HostingService[] found = new HostingService[1];
		Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
			found[0] = services.ofOrder(order.id()).orElse(null);
			return found[0] != null && found[0].status() == ServiceStatus.ACTIVE;
		});
		return found[0];
	}

	void awaitStatus(long serviceId, ServiceStatus status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> services.require(serviceId).status() == status);
	}

	/**
	 * The billing runs started at the same moment on {@code date}; answers their reports.
	 */
	static List<BillingRun.Report> atOnce(LocalDate date, BillingRun... runs) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(runs.length);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<BillingRun.Report>> started = new ArrayList<>();
			for (BillingRun each : runs) {
				started.add(pool.submit(() -> {
					go.await();
					return each.run(date);
				}));
			}
			go.countDown();
			List<BillingRun.Report> reports = new ArrayList<>();
			for (Future<BillingRun.Report> f : started) {
				reports.add(f.get());
			}
			return reports;
		}
		finally {
			pool.shutdown();
		}
	}

	/**
	 * This year's invoice numbers have no gap: as many invoices as the highest number,
	 * and the counter says the same.
	 */
	void assertNoGaps() {
		int year = billing.today().getYear();
		long count = jdbc.sql("SELECT COUNT(*) FROM invoices WHERE number_year = ? AND number_prefix = 'INV-'")
			.param(year)
			.query(Long.class)
			.single();
		long max = jdbc
			.sql("SELECT COALESCE(MAX(number_seq), 0) FROM invoices WHERE number_year = ? AND number_prefix = 'INV-'")
			.param(year)
			.query(Long.class)
			.single();
		long counter = jdbc.sql("SELECT last_number FROM invoice_counters WHERE number_year = ? AND prefix = 'INV-'")
			.param(year)
			.query(Long.class)
			.single();
		assertThat(max).isEqualTo(count).isEqualTo(counter);
	}

	/** E-mails queued for the customer whose subject contains {@code subjectPart}. */
	long mails(Account c, String subjectPart) {
		return jdbc.sql("SELECT COUNT(*) FROM outbox_messages WHERE recipient = ? AND subject LIKE ?")
			.params(c.email(), "%" + subjectPart + "%")
			.query(Long.class)
			.single();
	}

	/** Billing actions of a kind (suspension, restoration...) taken for the invoice. */
	long actions(long invoiceId, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM billing_actions WHERE invoice_id = ? AND kind = ?")
			.params(invoiceId, kind)
			.query(Long.class)
			.single();
	}

	static String json(Map<String, ?> body) {
		return ApiClient.json(body);
	}

}
