package org.hostwright.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Durable jobs (db-scheduler): every module contributes its tasks as beans; a job
 * scheduled inside a business transaction commits or rolls back with it, because the
 * scheduler writes through a transaction-aware data source. Every node runs the
 * scheduler; each job instance runs on one node.
 */
@Component
public class Jobs implements SmartLifecycle {

	private final DataSource dataSource;

	private final ObjectProvider<Task<?>> tasks;

	private final PlatformProperties properties;

	private volatile Scheduler scheduler;

	private volatile boolean running;

	private final java.time.Clock clock;

	private final JobRows rows;

	Jobs(DataSource dataSource, ObjectProvider<Task<?>> tasks, PlatformProperties properties, java.time.Clock clock,
			JobRows rows) {
		this.clock = clock;
		this.rows = rows;
		this.dataSource = new TransactionAwareDataSourceProxy(dataSource);
		this.tasks = tasks;
		this.properties = properties;
	}

	/**
	 * Schedules the instance unless one with the same task name and id is already
	 * waiting: the key that makes "one job per service" hold.
	 * @return whether a new job was scheduled
	 */
	public <T> boolean scheduleIfAbsent(TaskInstance<T> instance, Instant at) {
		return scheduler().scheduleIfNotExists(instance, at);
	}

	/**
	 * Schedules many new instances in one batch (ids nobody used before, e.g. of rows
	 * just inserted): a duplicate fails the whole batch, and the caller's transaction
	 * with it.
	 */
	public void scheduleAll(List<TaskInstance<?>> instances, Instant at) {
		if (!instances.isEmpty()) {
			scheduler().scheduleBatch(instances, at);
		}
	}

	/**
	 * {@link #scheduleIfAbsent} for many instances of one task in one go: one read of the
	 * ids already waiting or running, then one batch of the others (an id listed twice is
	 * scheduled once). Another writer scheduling one of the same ids at the same moment
	 * makes the batch fail with a duplicate key, and the caller's transaction with it.
	 */
	public void scheduleAllIfAbsent(String taskName, List<? extends TaskInstance<?>> instances, Instant at) {
		Map<String, TaskInstance<?>> byId = new LinkedHashMap<>();
		for (TaskInstance<?> instance : instances) {
			if (!taskName.equals(instance.getTaskName())) {
				throw new IllegalArgumentException("instance of task " + instance.getTaskName() + ", not " + taskName);
			}
			byId.putIfAbsent(instance.getId(), instance);
		}
		if (byId.isEmpty()) {
			return;
		}
		Set<String> present = rows.present(taskName, byId.keySet());
		List<TaskInstance<?>> absent = byId.values().stream().filter(i -> !present.contains(i.getId())).toList();
		scheduleAll(absent, at);
	}

	/**
	 * {@link #cancelIfPresent} for many ids of one task in one statement; a job already
	 * picked (running) is left to end, as {@link #cancelIfPresent} refuses to cancel it.
	 */
	public void cancelAllIfPresent(String taskName, Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		rows.deleteWaiting(taskName, ids);
	}

	/** Whether a job with this id is waiting or running (not yet completed). */
	public boolean pending(TaskInstanceId id) {
		return scheduler().getScheduledExecution(id).isPresent();
	}

	/**
	 * Whether a job with this id has started at least once: it is running, or it failed
	 * and waits for its retry (what it did before failing may have happened), or its node
	 * died while running it ({@link ReviveUncounted} does not count that as a failure,
	 * but stamps the revived run's last failure).
	 */
	public boolean attempted(TaskInstanceId id) {
		return scheduler().getScheduledExecution(id)
			.map(e -> e.isPicked() || e.getConsecutiveFailures() > 0 || e.getLastFailure() != null
					|| e.getLastSuccess() != null)
			.orElse(false);
	}

	/** Cancels a waiting job; does nothing when there is none. */
	public void cancelIfPresent(TaskInstanceId id) {
		if (scheduler().getScheduledExecution(id).isPresent()) {
			scheduler().cancel(id);
		}
	}

	/**
	 * Runs every due job now instead of waiting for the next poll (used after a commit).
	 */
	public void triggerCheck() {
		if (running) {
			scheduler().triggerCheckForDueExecutions();
		}
	}

	private Scheduler scheduler() {
		Scheduler s = scheduler;
		if (s == null) {
			synchronized (this) {
				s = scheduler;
				if (s == null) {
					s = build();
					scheduler = s;
				}
			}
		}
		return s;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Scheduler build() {
		List<Task<?>> all = tasks.orderedStream().toList();
		List startup = all.stream().filter(OnStartup.class::isInstance).toList();
		// startTasks(...) also registers its tasks as known: listing them in create(...)
		// too is a duplicate key
		List others = all.stream().filter(t -> !(t instanceof OnStartup)).toList();
		int threads = properties.jobs().threads();
		var builder = Scheduler.create(dataSource, others)
			.startTasks(startup)
			.threads(threads)
			// due jobs are picked highest priority first: payment confirmations before
			// provisioning and mail
			.enablePriority()
			// a job scheduled on this node runs at once (immediate execution); the poll
			// only finds the ones
			// scheduled by other nodes or due later
			.pollingInterval(properties.jobs().pollingInterval());
		// db-scheduler's own fixed pool: at most `threads` jobs hold a database
		// connection at once (a
		// thread-per-task executor let the sale's status checks exhaust the connection
		// pool)
		return builder.heartbeatInterval(properties.jobs().heartbeatInterval())
			.missedHeartbeatsLimit(properties.jobs().missedHeartbeats())
			.enableImmediateExecution()
			// the platform's clock: a job scheduled "now" by a moved sandbox clock is due
			// now, not in N real days
			.clock(() -> java.time.Instant.now(clock))
			.alwaysPersistTimestampInUTC()
			.shutdownMaxWait(Duration.ofSeconds(10))
			.deleteUnresolvedAfter(Duration.ofDays(7))
			.build();
	}

	@Override
	public void start() {
		scheduler().start();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		Scheduler s;
		synchronized (this) {
			s = scheduler;
			// a stopped db-scheduler cannot start again (its executors are shut down):
			// the next start, e.g.
			// when a paused test context resumes, builds a fresh one
			scheduler = null;
		}
		if (s != null) {
			s.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// start after the web server, stop before the data source goes away
		return Integer.MAX_VALUE - 100;
	}

}
