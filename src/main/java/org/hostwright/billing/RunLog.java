package org.hostwright.billing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Every billing run: started (a row written before the first step, so a run that died is
 * visible without an end), finished with its counts per step and the items that failed.
 */
@Repository
class RunLog {

	/** A step's counts in a run. */
	record StepCount(String step, int done, int failed) {
	}

	/** A run as the log keeps it (finishedAt null: still running, or it died). */
	record Run(long id, LocalDate date, String trigger, Instant startedAt, Instant finishedAt, List<StepCount> steps,
			List<BillingStep.Failure> failures) {
	}

	private final JdbcClient jdbc;

	RunLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long start(LocalDate date, String trigger, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO billing_runs (run_date, trigger_kind, started_at) VALUES (?, ?, ?)")
			.params(Date.valueOf(date), trigger, Timestamp.from(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void finish(long runId, List<StepCount> steps, List<BillingStep.Failure> failures, Instant at) {
		for (int i = 0; i < steps.size(); i++) {
			StepCount c = steps.get(i);
			jdbc.sql("INSERT INTO billing_run_steps (run_id, position, step, done, failed) VALUES (?, ?, ?, ?, ?)")
				.params(runId, i, c.step(), c.done(), c.failed())
				.update();
		}
		for (BillingStep.Failure f : failures.subList(0, Math.min(failures.size(), 1000))) {
			String message = f.message().length() > 1000 ? f.message().substring(0, 1000) : f.message();
			jdbc.sql("INSERT INTO billing_run_failures (run_id, step, invoice_id, message) VALUES (?, ?, ?, ?)")
				.params(runId, f.step(), f.invoiceId(), message)
				.update();
		}
		jdbc.sql("UPDATE billing_runs SET finished_at = ? WHERE id = ?").params(Timestamp.from(at), runId).update();
	}

	/**
	 * Newest first, a page at a time; steps and failures read in two queries for the
	 * page.
	 */
	List<Run> page(int from, int size) {
		List<Run> runs = jdbc
			.sql("SELECT id, run_date, trigger_kind, started_at, finished_at FROM billing_runs ORDER BY id DESC LIMIT "
					+ size + " OFFSET " + from)
			.query((rs, n) -> new Run(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
					new ArrayList<>(), new ArrayList<>()))
			.list();
		if (runs.isEmpty()) {
			return runs;
		}
		Map<Long, Run> byId = new HashMap<>();
		runs.forEach(r -> byId.put(r.id(), r));
		long low = runs.get(runs.size() - 1).id();
		long high = runs.get(0).id();
		jdbc.sql("SELECT run_id, step, done, failed FROM billing_run_steps WHERE run_id BETWEEN ? AND ? "
				+ "ORDER BY run_id, position")
			.params(low, high)
			.query((rs, n) -> byId.get(rs.getLong(1))
				.steps()
				.add(new StepCount(rs.getString(2), rs.getInt(3), rs.getInt(4))))
			.list();
		jdbc.sql("SELECT run_id, step, invoice_id, message FROM billing_run_failures WHERE run_id BETWEEN ? AND ? "
				+ "ORDER BY run_id, id")
			.params(low, high)
			.query((rs, n) -> byId.get(rs.getLong(1))
				.failures()
				.add(new BillingStep.Failure(rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4))))
			.list();
		return runs;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM billing_runs").query(Long.class).single();
	}

	/** Counts of a finished run by step name, in the run's order. */
	static Map<String, Integer> counts(List<StepCount> steps) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		steps.forEach(c -> counts.put(c.step(), c.done()));
		return counts;
	}

}
