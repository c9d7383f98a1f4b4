package org.hostwright.admin;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hostwright.ordering.OrderView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard reads the orders created and paid before today once a day and only
 * today's orders on every refresh, and the sum is the same as counting everything.
 */
class DashboardStatsTests extends AdminFixtures {

	@Autowired
	DashboardStats stats;

	@Test
	void todaysOrdersAreAddedToTotalsOfThePastReadOncePerDay() {
		var before = stats.compute();
		assertThat(before.totalOrders()).isEqualTo(count("SELECT COUNT(*) FROM orders"));
		assertThat(before.pendingOrders()).isEqualTo(count("SELECT COUNT(*) FROM orders WHERE status = 'pending'"));

		long customer = customer("Dash Board").id();
		long plan = plan("Dashboard plan", 700_000, "TZS", "MONTHLY");
		OrderView paidToday = paid(customer, plan, domain("dash-"));
		OrderView pendingToday = order(customer, plan, domain("dash-"));
		// an order written into yesterday behind the dashboard's back: the past is not
		// read again today
		OrderView backdated = order(customer, plan, domain("dash-"));
		jdbc.sql("UPDATE orders SET created_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(2))), backdated.id())
			.update();

		var after = stats.compute();
		assertThat(after.totalOrders()).isEqualTo(before.totalOrders() + 2);
		assertThat(after.pendingOrders()).isEqualTo(count("SELECT COUNT(*) FROM orders WHERE status = 'pending'"));
		assertThat(after.totalRevenueCents()).isEqualTo(before.totalRevenueCents() + 700_000);
		assertThat(after.topPlans()).extracting(DashboardFigures.TopPlan::planId).doesNotContain(-1L);
		assertThat(after.computedAt()).isAfterOrEqualTo(before.computedAt());
		assertThat(paidToday.id()).isNotEqualTo(pendingToday.id());
	}

	@Test
	void figuresAreReusedRefreshedAheadAndNeverShownOlderThanTheCacheTime() {
		Instant computed = Instant.parse("2026-03-05T06:12:00Z");
		Duration cache = Duration.ofSeconds(60);
		assertThat(DashboardStats.age(computed, computed.plusSeconds(20), cache)).isEqualTo(DashboardStats.Age.FRESH);
		assertThat(DashboardStats.age(computed, computed.plusSeconds(45), cache)).isEqualTo(DashboardStats.Age.AGEING);
		assertThat(DashboardStats.age(computed, computed.plusSeconds(61), cache)).isEqualTo(DashboardStats.Age.STALE);
		assertThat(DashboardStats.age(computed, computed.plus(Duration.ofHours(3)), cache))
			.isEqualTo(DashboardStats.Age.STALE);
		assertThat(DashboardStats.age(computed, computed, Duration.ZERO)).isEqualTo(DashboardStats.Age.STALE);
	}

	@Test
	void requestsFindingTheFiguresStaleTogetherShareOneComputation() throws Exception {
		((java.util.concurrent.atomic.AtomicReference<?>) org.springframework.test.util.ReflectionTestUtils
			.getField(stats, "cached")).set(null);
		Object computing = org.springframework.test.util.ReflectionTestUtils.getField(stats, "computing");
		int n = 8;
		DashboardFigures[] answers = new DashboardFigures[n];
		List<Thread> requests = new java.util.ArrayList<>();
		// the tests' cache time is 0 s: a request that came after a computation ended
		// would rightly compute again. Holding the computation's lock until every request
		// waits for it makes them all find the figures stale together, however the
		// threads are scheduled.
		synchronized (computing) {
			for (int i = 0; i < n; i++) {
				int slot = i;
				Thread t = new Thread(() -> answers[slot] = stats.figures(), "dashboard-request-" + i);
				requests.add(t);
				t.start();
			}
			org.awaitility.Awaitility.await()
				.atMost(patience())
				.until(() -> requests.stream().allMatch(t -> t.getState() == Thread.State.BLOCKED));
		}
		for (Thread t : requests) {
			t.join(patience().toMillis());
		}
		assertThat(answers[0]).isNotNull();
		for (DashboardFigures answer : answers) {
			assertThat(answer).isSameAs(answers[0]);
		}
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
