package org.hostwright.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.h2.jdbcx.JdbcDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real db-scheduler on a private in-memory database, with a job that a node had picked
 * and then died running (its heartbeat stopped long ago): what a crash leaves behind,
 * revived within a fraction of a second (heartbeats every 100 ms, dead after four missed)
 * instead of the application's half minute. For the jobs' dead-execution and failure
 * handlers, without an application context.
 */
public final class DeadNodeRig implements AutoCloseable {

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private final List<Task<?>> tasks;

	private final JdbcClient jdbc;

	private Scheduler scheduler;

	public DeadNodeRig(Task<?>... tasks) {
		this.tasks = List.of(tasks);
		dataSource.setURL("jdbc:h2:mem:dead-node-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("""
				CREATE TABLE scheduled_tasks (
				    task_name VARCHAR(100) NOT NULL,
				    task_instance VARCHAR(200) NOT NULL,
				    task_data BYTEA,
				    execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
				    picked BOOLEAN NOT NULL,
				    picked_by VARCHAR(100),
				    last_success TIMESTAMP WITH TIME ZONE,
				    last_failure TIMESTAMP WITH TIME ZONE,
				    consecutive_failures INT,
				    last_heartbeat TIMESTAMP WITH TIME ZONE,
				    version BIGINT NOT NULL,
				    priority SMALLINT,
				    PRIMARY KEY (task_name, task_instance))""").update();
	}

	/**
	 * The job was running on a node that died: picked, its last heartbeat two days ago,
	 * after {@code failuresBefore} failed runs.
	 */
	public void diedRunning(TaskInstance<?> instance, int failuresBefore) {
		SchedulerClient.Builder.create(dataSource, tasks).build().scheduleIfNotExists(instance, Instant.now());
		Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(2)));
		jdbc.sql("""
				UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'dead-node', last_heartbeat = ?,
				  consecutive_failures = ?, execution_time = ? WHERE task_name = ? AND task_instance = ?""")
			.params(longAgo, failuresBefore, longAgo, instance.getTaskName(), instance.getId())
			.update();
	}

	/** A live node comes up: it finds the dead run and revives it. */
	public void startLiveNode() {
		scheduler = Scheduler.create(dataSource, tasks)
			.threads(2)
			.pollingInterval(Duration.ofMillis(100))
			.heartbeatInterval(Duration.ofMillis(100))
			.missedHeartbeatsLimit(4)
			.alwaysPersistTimestampInUTC()
			.shutdownMaxWait(Duration.ofSeconds(1))
			.build();
		scheduler.start();
	}

	/** Whether the job is still in the table (waiting, running, or retrying). */
	public boolean pending(TaskInstance<?> instance) {
		return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
			.params(instance.getTaskName(), instance.getId())
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public void close() throws SQLException {
		if (scheduler != null) {
			scheduler.stop();
		}
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
	}

}
