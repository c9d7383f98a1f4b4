package org.hostwright.ordering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.platform.ConflictException;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrdersCoreTests extends IntegrationTest {

	@Autowired
	Orders orders;

	@Autowired
	Accounts accounts;

	@Test
	void placedOrderCopiesThePriceAndKeepsATimelineThroughPaidAndActive() {
		long customer = accounts
			.register(NewAccount.customer("Neema", uniqueEmail("ord"), null, "correct horse battery"))
			.id();
		long plan = plan("core-" + System.nanoTime(), 2_500_000);
		OrderView placed = orders.place(new PlaceOrder(customer, plan, "+255712345678", "example.co.tz", "checkout"));
		assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
		assertThat(placed.priceMinor()).isEqualTo(2_500_000);

		jdbc.sql("UPDATE plans SET price_minor = 1 WHERE id = ?").param(plan).update();
		assertThat(orders.find(placed.id()).orElseThrow().priceMinor()).isEqualTo(2_500_000);

		assertThat(orders.markPaid(placed.id(), "REF1", "payment confirmed")).isTrue();
		assertThat(orders.markPaid(placed.id(), "REF1", "duplicate")).isFalse();
		assertThat(orders.markActive(placed.id(), "service active")).isTrue();

		List<TimelineEntry> timeline = orders.timeline(placed.id());
		assertThat(timeline).extracting(TimelineEntry::to)
			.containsExactly(OrderStatus.PENDING, OrderStatus.PAID, OrderStatus.ACTIVE);
		assertThat(timeline.get(1).from()).isEqualTo(OrderStatus.PENDING);
	}

	@Test
	void illegalMoveIsRefusedAndNothingChanges() {
		long customer = accounts
			.register(NewAccount.customer("Baraka", uniqueEmail("ord"), null, "correct horse battery"))
			.id();
		OrderView placed = orders
			.place(new PlaceOrder(customer, plan("ill-" + System.nanoTime(), 100), null, null, null));
		assertThatThrownBy(() -> orders.markActive(placed.id(), "too early")).isInstanceOf(ConflictException.class);
		assertThat(orders.find(placed.id()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
		assertThat(orders.timeline(placed.id())).hasSize(1);
	}

	@Test
	void transitionTable() {
		assertThat(OrderStatus.PENDING.targets()).containsExactlyInAnyOrder(OrderStatus.PAID, OrderStatus.FAILED,
				OrderStatus.CANCELLED);
		assertThat(OrderStatus.PAID.targets()).containsExactly(OrderStatus.ACTIVE);
		assertThat(OrderStatus.ACTIVE.targets()).isEmpty();
		assertThat(OrderStatus.CANCELLED.targets()).isEmpty();
		assertThat(OrderStatus.FAILED.canMoveTo(OrderStatus.PAID)).isTrue();
	}

	private long plan(String slug, long price) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, ?, 'TZS', 'MONTHLY', TRUE, 99, ?, ?)""")
			.params(slug, slug, price, now, now)
			.update();
		return jdbc.sql("SELECT id FROM plans WHERE slug = ?").param(slug).query(Long.class).single();
	}

}
