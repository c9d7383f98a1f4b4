package org.hostwright.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.hostwright.platform.Slice;
import org.hostwright.platform.States;

/**
 * The ordering module's published query interface for long order lists with their
 * customer (the admin console's orders pages, {@code /api/admin/orders}, the CSV export,
 * the dashboards): filter by status, search by order UUID or number, domain, or the
 * customer's name, e-mail or phone.
 */
public interface OrderDirectory {

	/** A search: a status (anything unknown means any) and free text. */
	record Filter(String status, String q) {

		public Filter {
			q = q == null ? "" : q.strip();
			status = States.parse(OrderStatus.class, status).map(OrderStatus::wire).orElse("");
		}

	}

	record OrderRow(long id, UUID uuid, long customerId, long planId, String planName, long priceMinor, String currency,
			String billingPeriod, String phone, String domain, OrderStatus status, String paymentReference,
			Instant createdAt, Instant paidAt, String customerName, String customerEmail) {

		public boolean neverPaid() {
			return paidAt == null && !status.paid();
		}

	}

	/** An amount in minor units of a currency. */
	record Amount(String currency, long minor) {
	}

	/**
	 * One customer's orders in figures, for their dashboard and the admin's user page.
	 */
	record Spending(long ordersTotal, long ordersPaid, long ordersFailed, List<Amount> totalSpent,
			Instant lastPaymentAt, Amount lastPayment) {
	}

	Spending spendingOf(long customerId);

	/**
	 * A page of orders, newest first; the bounded total is counted for the status filter
	 * only.
	 */
	Slice<OrderRow> list(Filter filter, int page, int size);

	List<OrderRow> recent(int limit);

	List<OrderRow> ofCustomer(long customerId, int limit);

	Optional<OrderRow> byUuid(UUID uuid);

	/**
	 * Hands every matching order to {@code each} (CSV export), in id order, from a
	 * database cursor.
	 */
	void forEach(Filter filter, Consumer<OrderRow> each);

}
