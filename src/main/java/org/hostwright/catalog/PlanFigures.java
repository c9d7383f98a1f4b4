package org.hostwright.catalog;

/**
 * What is known about one plan's use; a null figure means no module reported it. Revenue
 * is in minor units of the plan's currency, from paid (or active) orders.
 */
public record PlanFigures(Long orders, Long revenueMinor, Long activeServices) {

	public static final PlanFigures NONE = new PlanFigures(null, null, null);

	/**
	 * Combines two modules' contributions: a known figure wins over an unknown one, known
	 * ones add up.
	 */
	public PlanFigures merge(PlanFigures other) {
		return new PlanFigures(add(orders, other.orders), add(revenueMinor, other.revenueMinor),
				add(activeServices, other.activeServices));
	}

	public long ordersOrZero() {
		return orders == null ? 0 : orders;
	}

	private static Long add(Long a, Long b) {
		return a == null ? b : b == null ? a : a + b;
	}

}
