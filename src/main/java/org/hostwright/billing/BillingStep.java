package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of the billing run. {@link #plan} lists what {@link #execute} would do on that
 * date (the preview), from the same query; every item is keyed on its business object in
 * a unique index, so executing twice does the work once.
 */
interface BillingStep {

	/**
	 * An item that failed: the run log keeps it, and the next run tries it again (its key
	 * was never written).
	 */
	record Failure(String step, Long invoiceId, String message) {
	}

	/** The step's name in the run's counts ({@code invoices}, {@code reminders}...). */
	String name();

	List<?> plan(LocalDate date, int limit);

	/** Does the step for the date and answers how many items it did. */
	int execute(LocalDate date);

	/**
	 * Like {@link #execute(LocalDate)}, adding the items that failed to {@code failures}
	 * (a step that fails whole throws instead).
	 */
	default int execute(LocalDate date, List<Failure> failures) {
		return execute(date);
	}

}
