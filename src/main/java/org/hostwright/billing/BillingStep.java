package org.hostwright.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of the billing run. {@link #plan} lists what {@link #execute} would do on that
 * date (the preview), from the same query; every item is keyed on its business object in
 * a unique index, so executing twice does the work once.
 */
interface BillingStep {

	/** The step's name in the run's counts ({@code invoices}, {@code reminders}...). */
	String name();

	List<?> plan(LocalDate date, int limit);

	/** Does the step for the date and answers how many items it did. */
	int execute(LocalDate date);

}
