package org.hostwright.catalog;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory catalog of every node follows a plan change made on any node (through the
 * version row).
 */
class CatalogCacheTests extends IntegrationTest {

	@Autowired
	ObjectProvider<PlanStats> stats;

	@Test
	void aPlanChangedOnOneNodeIsSeenByAnotherNodesCache() {
		// two nodes over one database, each with its own in-memory copy (checked on every
		// read here)
		Catalog nodeA = new Catalog(new PlanRepository(jdbc), stats, Duration.ZERO);
		Catalog nodeB = new Catalog(new PlanRepository(jdbc), stats, Duration.ZERO);
		String slug = "cache-" + System.nanoTime();
		assertThat(nodeB.activePlans(0)).extracting(Plan::slug).doesNotContain(slug);

		// a plan written without telling anyone is not seen: the copy is really kept
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, 1000, 'TZS', 'MONTHLY', TRUE, 99, ?, ?)""")
			.params(slug, slug, now, now)
			.update();
		if (!postgres()) {
			assertThat(nodeB.activePlans(0)).extracting(Plan::slug).doesNotContain(slug);
		}
		// node A records the change (as the plan editor does): node B reads the plans
		// again
		nodeA.changed();
		assertThat(nodeB.activePlans(0)).extracting(Plan::slug).contains(slug);

		jdbc.sql("UPDATE plans SET active = FALSE WHERE slug = ?").param(slug).update();
		nodeA.changed();
		assertThat(nodeB.activePlans(0)).extracting(Plan::slug).doesNotContain(slug);
	}

	@Test
	void withinTheRecheckIntervalTheCopyIsServedWithoutReadingTheDatabase() {
		Catalog node = new Catalog(new PlanRepository(jdbc), stats, Duration.ofHours(1));
		int before = node.activePlans(0).size();
		Timestamp now = Timestamp.from(Instant.now());
		String slug = "cache-kept-" + System.nanoTime();
		jdbc.sql(
				"""
						INSERT INTO plans (slug, name, price_minor, currency, billing_period, active, sort_order, created_at, updated_at)
						VALUES (?, ?, 1000, 'TZS', 'MONTHLY', FALSE, 99, ?, ?)""")
			.params(slug, slug, now, now)
			.update();
		jdbc.sql("UPDATE catalog_version SET version = version + 1 WHERE id = 1").update();
		assertThat(node.activePlans(0)).hasSize(before);
		// the node's own change is seen at once
		node.changed();
		assertThat(node.activePlans(0)).hasSize(before);
	}

	private static boolean postgres() {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		return url != null && url.contains("postgresql");
	}

}
