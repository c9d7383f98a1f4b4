package org.hostwright.platform;

import java.util.List;

import com.github.kagkarlsson.scheduler.task.Task;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every job of every module, one-time or recurring, comes back after its node died
 * without the cut-off run counting as a failed attempt ({@link ReviveUncounted}): one way
 * for all of them, so a new job cannot quietly lose attempts to crashes.
 */
class EveryJobRevivesUncountedTests extends IntegrationTest {

	@Autowired
	List<Task<?>> jobs;

	@Test
	void everyJobRevivesARunCutOffByACrashWithoutCountingIt() {
		assertThat(jobs).hasSizeGreaterThan(5);
		assertThat(jobs).allSatisfy(
				job -> assertThat(job.getDeadExecutionHandler()).as(job.getName()).isInstanceOf(ReviveUncounted.class));
	}

}
