package org.hostwright.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The few reads and writes of db-scheduler's table that its client does one id at a time
 * only ({@link Jobs#scheduleAllIfAbsent}, {@link Jobs#cancelAllIfPresent}), in the
 * caller's transaction.
 */
@Repository
class JobRows {

	private final JdbcClient jdbc;

	JobRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids among these of the task's jobs waiting or running. */
	Set<String> present(String taskName, Collection<String> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc
			.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = :task AND task_instance IN (:ids)")
			.param("task", taskName)
			.param("ids", new ArrayList<>(new HashSet<>(ids)))
			.query(String.class)
			.list());
	}

	/** Deletes the task's jobs of these ids that are waiting (not picked by a node). */
	void deleteWaiting(String taskName, Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = :task AND task_instance IN (:ids) AND picked = :picked")
			.param("task", taskName)
			.param("ids", List.copyOf(new HashSet<>(ids)))
			.param("picked", false)
			.update();
	}

}
