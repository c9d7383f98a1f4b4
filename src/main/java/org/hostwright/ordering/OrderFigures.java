package org.hostwright.ordering;

import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * The ordering module's published figures for the admin dashboard: counts and sums over
 * all orders, each answered from an index, so no other module reads the orders table.
 * "Paid" means an order with a payment date, whatever its status since.
 */
public interface OrderFigures {

	long countCreatedSince(Instant from);

	long countCreatedBefore(Instant before);

	long countWithStatus(OrderStatus status);

	/** Amount paid per currency, in minor units, on or after {@code from}. */
	Map<String, Long> revenueSince(Instant from);

	/** Amount paid per currency, in minor units, before {@code before}. */
	Map<String, Long> revenueBefore(Instant before);

	/** Paid orders per plan id on or after {@code from}. */
	Map<Long, Long> paidPerPlanSince(Instant from);

	/** Paid orders per plan id before {@code before}. */
	Map<Long, Long> paidPerPlanBefore(Instant before);

	/** Hands each order's creation time since {@code from} to {@code each}, unordered. */
	void eachCreatedSince(Instant from, Consumer<Instant> each);

	/**
	 * Hands each payment in {@code currency} since {@code from} (its time and amount in
	 * minor units) to {@code each}, unordered.
	 */
	void eachPaidSince(Instant from, String currency, ObjLongConsumer<Instant> each);

}
