package org.hostwright.catalog;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In sandbox mode, an empty catalog gets the reseller's four demo plans (Hollyn Lite,
 * Boost, Grow and Max, in TZS), so a newcomer never meets an empty storefront. Never
 * outside sandbox mode, and never once any plan exists (even a deleted-then-recreated
 * catalog is left alone).
 */
@Component
class DemoPlans implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

	record Demo(String slug, String name, String description, List<String> features, long priceMinor) {
	}

	static final List<Demo> PLANS = List.of(
			new Demo("hollyn-lite", "Hollyn Lite", "A first website or a personal blog.",
					List.of("1 website", "10 GB SSD storage", "5 e-mail accounts", "Free SSL certificate",
							"Weekly backups"),
					1_500_000),
			new Demo("hollyn-boost", "Hollyn Boost", "A small business with a few sites and mailboxes.",
					List.of("3 websites", "30 GB SSD storage", "20 e-mail accounts", "Free SSL certificates",
							"Daily backups"),
					3_000_000),
			new Demo("hollyn-grow", "Hollyn Grow", "Growing shops and busy sites.",
					List.of("10 websites", "75 GB NVMe storage", "50 e-mail accounts", "Free SSL certificates",
							"Daily backups", "Staging site"),
					5_500_000),
			new Demo("hollyn-max", "Hollyn Max", "Agencies and high-traffic sites.",
					List.of("Unlimited websites", "150 GB NVMe storage", "Unlimited e-mail accounts",
							"Free SSL certificates", "Daily backups", "Priority support"),
					9_500_000));

	private final SandboxMode sandbox;

	private final PlanRepository plans;

	private final Clock clock;

	private final Catalog catalog;

	DemoPlans(SandboxMode sandbox, PlanRepository plans, Clock clock, Catalog catalog) {
		this.catalog = catalog;
		this.sandbox = sandbox;
		this.plans = plans;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!sandbox.enabled() || plans.count() > 0) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now(clock));
		try {
			int sort = 10;
			for (Demo d : PLANS) {
				// the demo plans are sold under the panel package of the same name
				plans.insert(d.slug(),
						new PlanRepository.Columns(d.name(), d.description(), String.join("\n", d.features()),
								d.priceMinor(), "TZS", BillingPeriod.MONTHLY.name(), true, sort, d.name(), null,
								Plan.OverdueDays.NONE),
						now);
				sort += 10;
			}
			catalog.changed();
			log.info("Sandbox: created {} demo plans", PLANS.size());
		}
		catch (DuplicateKeyException ex) {
			log.info("Sandbox demo plans were created by another node");
		}
	}

}
