package org.hostwright.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The billing automation for a date: its steps in order (renewal invoices, restorations,
 * reminders, late fees, suspensions, termination warnings, terminations), the daily job
 * and the admin's "run now" calling the same code, every run written to the run log.
 */
@Component
class BillingRun {

	private static final Logger logger = LoggerFactory.getLogger(BillingRun.class);

	/** The steps' order; a step not listed runs last. */
	static final List<String> ORDER = List.of("invoices", "restorations", "reminders", "late_fees", "suspensions",
			"termination_warnings", "terminations", "upgrade_lapses");

	static final String SCHEDULE = "schedule";

	static final String ADMIN = "admin";

	/** What a run did: counts per step, and the items that failed. */
	record Report(long runId, LocalDate date, Instant startedAt, Instant finishedAt, Map<String, Integer> steps,
			List<BillingStep.Failure> failures) {
	}

	private final List<BillingStep> steps;

	private final BusinessCalendar calendar;

	private final Clock clock;

	private final RunLog log;

	private final SettingsStore settings;

	BillingRun(List<BillingStep> steps, BusinessCalendar calendar, Clock clock, RunLog log, SettingsStore settings) {
		this.settings = settings;
		this.steps = steps.stream().sorted(Comparator.comparingInt(BillingRun::position)).toList();
		this.calendar = calendar;
		this.clock = clock;
		this.log = log;
	}

	private static int position(BillingStep step) {
		int at = ORDER.indexOf(step.name());
		return at < 0 ? ORDER.size() : at;
	}

	/** The date of the next daily run: today until its time has passed, then tomorrow. */
	LocalDate nextRunDate() {
		LocalDate today = calendar.today();
		boolean passed = !calendar.now().toLocalTime().isBefore(settings.overdueRules().runAt());
		return passed ? today.plusDays(1) : today;
	}

	Report runToday() {
		return run(calendar.today(), SCHEDULE);
	}

	LocalDate today() {
		return calendar.today();
	}

	Report run(LocalDate date) {
		return run(date, ADMIN);
	}

	Report run(LocalDate date, String trigger) {
		Instant start = Instant.now(clock);
		long runId = log.start(date, trigger, start);
		List<RunLog.StepCount> counts = new ArrayList<>();
		List<BillingStep.Failure> failures = new ArrayList<>();
		for (BillingStep step : steps) {
			int before = failures.size();
			long t0 = System.nanoTime();
			int done;
			try {
				done = step.execute(date, failures);
			}
			catch (RuntimeException ex) {
				// a step that fails whole (e.g. the database) does not stop the others
				failures.add(new BillingStep.Failure(step.name(), null, String.valueOf(ex.getMessage())));
				done = 0;
			}
			counts.add(new RunLog.StepCount(step.name(), done, failures.size() - before));
			logger.info("Billing run {} of {}: {} done {}, failed {}, in {} ms", runId, date, step.name(), done,
					failures.size() - before, (System.nanoTime() - t0) / 1_000_000);
		}
		Instant end = Instant.now(clock);
		log.finish(runId, counts, failures, end);
		return new Report(runId, date, start, end, RunLog.counts(counts), failures);
	}

	/**
	 * What a run on the date would do, step by step (at most {@code limit} items each).
	 */
	Map<String, List<?>> preview(LocalDate date, int limit) {
		Map<String, List<?>> plan = new LinkedHashMap<>();
		Map<String, Long> millis = new LinkedHashMap<>();
		for (BillingStep step : steps) {
			long t0 = System.nanoTime();
			plan.put(step.name(), step.plan(date, limit));
			millis.put(step.name(), (System.nanoTime() - t0) / 1_000_000);
		}
		logger.info("Billing preview of {}: ms per step {}", date, millis);
		return plan;
	}

}
