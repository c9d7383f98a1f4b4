package org.hostwright.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hostwright.catalog.BillingPeriod;
import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The billing_subscriptions table: what is billed again every period, and when next. */
@Repository
class SubscriptionStore {

	private static final String COLUMNS = "id, source_kind, source_id, customer_id, description, currency, price_minor, "
			+ "billing_period, anchor_day, next_due_date, next_period_end, auto_renew, status";

	private static final String ACTIVE = "active";

	private static final String CANCELLED = "cancelled";

	private final JdbcClient jdbc;

	SubscriptionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the subscription unless its source already has one; answers whether it did.
	 */
	boolean insertIfAbsent(StartSubscription s, Instant now) {
		if (findBySource(s.kind(), s.sourceId()).isPresent()) {
			return false;
		}
		LocalDate next = Periods.next(s.start(), s.period(), s.start().getDayOfMonth());
		insert(s, next, s.start().getDayOfMonth(), now);
		return true;
	}

	/**
	 * Creates or updates the subscription of a service whose owner keeps its terms (an
	 * agency client service): price, period, renewal flag and the next period's start
	 * follow the service.
	 */
	void keep(StartSubscription terms, LocalDate nextDueDate, Instant now) {
		Subscription current = findBySource(terms.kind(), terms.sourceId()).orElse(null);
		if (current == null) {
			insert(terms, nextDueDate, nextDueDate.getDayOfMonth(), now);
			return;
		}
		int anchor = current.nextDueDate().equals(nextDueDate) && current.period() == terms.period()
				? current.anchorDay() : nextDueDate.getDayOfMonth();
		jdbc.sql(
				"""
						UPDATE billing_subscriptions SET customer_id = ?, description = ?, currency = ?, price_minor = ?, billing_period = ?,
						  anchor_day = ?, next_due_date = ?, next_period_end = ?, auto_renew = ?, status = ?, updated_at = ? WHERE id = ?""")
			.params(terms.customerId(), terms.description(), terms.currency(), terms.priceMinor(),
					terms.period().name().toLowerCase(Locale.ROOT), anchor, Date.valueOf(nextDueDate),
					Date.valueOf(Periods.lastDay(nextDueDate, terms.period(), anchor)), terms.autoRenew(), ACTIVE,
					Timestamp.from(now), current.id())
			.update();
	}

	/**
	 * A service moved to another plan: the next renewals are invoiced with its
	 * description and price; the period and due date stay.
	 * @return whether a subscription was changed
	 */
	boolean changePlan(String kind, long sourceId, String description, long priceMinor, Long planId, Instant now) {
		return jdbc.sql(
				"UPDATE billing_subscriptions SET description = ?, price_minor = ?, plan_id = ?, updated_at = ? WHERE source_kind = ? AND source_id = ?")
			.params(description, priceMinor, planId, Timestamp.from(now), kind, sourceId)
			.update() > 0;
	}

	/** The service is no longer renewed (its invoices stay as they are). */
	void stop(String kind, long sourceId, Instant now) {
		jdbc.sql("UPDATE billing_subscriptions SET status = ?, updated_at = ? WHERE source_kind = ? AND source_id = ?")
			.params(CANCELLED, Timestamp.from(now), kind, sourceId)
			.update();
	}

	private void insert(StartSubscription s, LocalDate next, int anchor, Instant now) {
		jdbc.sql(
				"""
						INSERT INTO billing_subscriptions (source_kind, source_id, customer_id, description, currency, price_minor,
						  billing_period, anchor_day, next_due_date, next_period_end, auto_renew, status, plan_id, created_at,
						  updated_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(s.kind(), s.sourceId(), s.customerId(), s.description(), s.currency(), s.priceMinor(),
					s.period().name().toLowerCase(Locale.ROOT), anchor, Date.valueOf(next),
					Date.valueOf(Periods.lastDay(next, s.period(), anchor)), s.autoRenew(), ACTIVE, s.planId(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	Optional<Subscription> findBySource(String kind, long sourceId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM billing_subscriptions WHERE source_kind = ? AND source_id = ?")
			.params(kind, sourceId)
			.query(SubscriptionStore::row)
			.optional();
	}

	List<Subscription> ofSources(String kind, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM billing_subscriptions WHERE source_kind = :kind AND source_id IN (:ids)")
			.param("kind", kind)
			.param("ids", ids)
			.query(SubscriptionStore::row)
			.list();
	}

	Optional<Subscription> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM billing_subscriptions WHERE id = ? FOR UPDATE")
			.param(id)
			.query(SubscriptionStore::row)
			.optional();
	}

	/**
	 * Moves the next due date one period on, only from the period that was paid: paying
	 * the same invoice twice, or late, never moves it again or shifts the anniversary.
	 * Answers the subscription as it now is when it moved.
	 */
	Optional<Subscription> advanceFrom(long id, LocalDate paidPeriodStart, Instant now) {
		Subscription s = lock(id).orElse(null);
		if (s == null || !s.nextDueDate().equals(paidPeriodStart)) {
			return Optional.empty();
		}
		LocalDate next = Periods.next(paidPeriodStart, s.period(), s.anchorDay());
		int moved = jdbc.sql(
				"UPDATE billing_subscriptions SET next_due_date = ?, next_period_end = ?, updated_at = ? WHERE id = ? AND next_due_date = ?")
			.params(Date.valueOf(next), Date.valueOf(Periods.lastDay(next, s.period(), s.anchorDay())),
					Timestamp.from(now), id, Date.valueOf(paidPeriodStart))
			.update();
		return moved == 1 ? lock(id) : Optional.empty();
	}

	static Subscription row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Subscription(rs.getLong("id"), rs.getString("source_kind"), rs.getLong("source_id"),
				rs.getLong("customer_id"), rs.getString("description"), rs.getString("currency"),
				rs.getLong("price_minor"), States.fromColumn(BillingPeriod.class, rs.getString("billing_period")),
				rs.getInt("anchor_day"), rs.getDate("next_due_date").toLocalDate(),
				rs.getDate("next_period_end").toLocalDate(), rs.getBoolean("auto_renew"), rs.getString("status"));
	}

}
