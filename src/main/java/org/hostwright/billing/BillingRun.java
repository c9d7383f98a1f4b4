package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The billing automation for a date: its steps in order (renewal invoices first;
 * reminders, suspensions and terminations come after), the daily job and the admin's "run
 * now" calling the same code.
 */
@Component
class BillingRun {

	/** What a run did: counts per step. */
	record Report(LocalDate date, Instant startedAt, Instant finishedAt, Map<String, Integer> steps) {
	}

	private final List<BillingStep> steps;

	private final BusinessCalendar calendar;

	private final java.time.Clock clock;

	BillingRun(List<BillingStep> steps, BusinessCalendar calendar, java.time.Clock clock) {
		this.steps = steps;
		this.calendar = calendar;
		this.clock = clock;
	}

	Report runToday() {
		return run(calendar.today());
	}

	Report run(LocalDate date) {
		Instant start = Instant.now(clock);
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (BillingStep step : steps) {
			counts.put(step.name(), step.execute(date));
		}
		return new Report(date, start, Instant.now(clock), counts);
	}

	/**
	 * What a run on the date would do, step by step (at most {@code limit} items each).
	 */
	Map<String, List<?>> preview(LocalDate date, int limit) {
		Map<String, List<?>> plan = new LinkedHashMap<>();
		for (BillingStep step : steps) {
			plan.put(step.name(), step.plan(date, limit));
		}
		return plan;
	}

}
