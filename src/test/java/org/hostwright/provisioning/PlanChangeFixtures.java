package org.hostwright.provisioning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.hostwright.billing.Billing;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.sandbox.WebuzoSimulator;

import org.springframework.beans.factory.annotation.Autowired;

/** Plans, active services and counts for the plan change tests. */
abstract class PlanChangeFixtures extends ProvisioningFixtures {

	@Autowired
	Billing billing;

	@Autowired
	WebuzoSimulator simulator;

	@Autowired
	PlanChangeStore changes;

	@Autowired
	PlanChangeApplier applier;

	HostingService activeService(long customer, String slug) {
		long planId = jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
		OrderView order = orders.place(new PlaceOrder(customer, planId, "+255712345678", domain("plan-"), "test"));
		orders.markPaid(order.id(), "REF-" + order.id(), "test");
		return awaitService(order.id(), ServiceStatus.ACTIVE);
	}

	String plan(String name, long price, String currency, String period, String panelPackage) {
		String slug = name.toLowerCase(java.util.Locale.ROOT) + "-" + Long.toString(System.nanoTime(), 36);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, panel_package,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, TRUE, 99, ?, ?, ?)""")
			.params(slug, name, price, currency, period, panelPackage, now, now)
			.update();
		return slug;
	}

	long panelEdits(long serviceId) {
		return jdbc
			.sql("SELECT COUNT(*) FROM provisioning_logs WHERE service_id = ? AND step = 'add_user' AND success = TRUE")
			.param(serviceId)
			.query(Long.class)
			.single() - 1;
	}

	long applied(long serviceId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'service.plan_change.applied' AND object_id = ?")
			.param(String.valueOf(serviceId))
			.query(Long.class)
			.single();
	}

	long invoicesOf(long customer) {
		return jdbc.sql("SELECT COUNT(*) FROM invoices WHERE customer_id = ?")
			.param(customer)
			.query(Long.class)
			.single();
	}

	/**
	 * The service's current period ends {@code days} from today: its next due date is
	 * moved (the clock is not), so the prorated part is known.
	 */
	LocalDate dueIn(HostingService service, int days) {
		LocalDate due = billing.today().plusDays(days);
		jdbc.sql(
				"UPDATE billing_subscriptions SET next_due_date = ?, anchor_day = ? WHERE source_kind = ? AND source_id = ?")
			.params(java.sql.Date.valueOf(due), due.getDayOfMonth(), org.hostwright.billing.StartSubscription.HOSTING,
					service.id())
			.update();
		return due;
	}

	/**
	 * What {@code difference} is worth for the days left before {@code due}, in whole
	 * shillings.
	 */
	static long prorated(long difference, LocalDate today, LocalDate due) {
		java.time.YearMonth before = java.time.YearMonth.from(due).minusMonths(1);
		LocalDate start = before.atDay(Math.min(due.getDayOfMonth(), before.lengthOfMonth()));
		double exact = (double) difference * (due.toEpochDay() - today.toEpochDay())
				/ (due.toEpochDay() - start.toEpochDay());
		return Math.round(exact / 100) * 100;
	}

}
