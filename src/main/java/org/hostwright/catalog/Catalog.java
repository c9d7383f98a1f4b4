package org.hostwright.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.stereotype.Service;

/**
 * Read access to the plans on sale: the catalog module's API for other modules. The
 * active plans (the storefront, {@code /plans}, {@code GET /api/plans}) are read once and
 * kept in memory; every node compares its copy with the {@code catalog_version} row at
 * most once per {@code recheck}, and each plan change bumps that row, so an edit reaches
 * every node within a second. Single plans (checkout, prices) and the admin list are
 * always read fresh.
 */
@Service
public class Catalog {

	/**
	 * The active plans as read at {@code version}; {@code checkedAt} is when the version
	 * row was last read.
	 */
	private record Snapshot(long version, List<Plan> active, long checkedAt) {
	}

	private final PlanRepository plans;

	private final ObjectProvider<PlanStats> stats;

	private final long recheckNanos;

	private volatile Snapshot snapshot;

	Catalog(PlanRepository plans, ObjectProvider<PlanStats> stats,
			@Value("${hostwright.catalog.recheck:1s}") Duration recheck) {
		this.plans = plans;
		this.stats = stats;
		this.recheckNanos = recheck.toNanos();
	}

	public Optional<Plan> find(long id) {
		return plans.find(id);
	}

	public Optional<Plan> findBySlug(String slug) {
		return plans.findBySlug(slug);
	}

	/** Active plans in storefront order; {@code limit} 0 means all. */
	public List<Plan> activePlans(int limit) {
		List<Plan> active = current().active();
		return limit > 0 && active.size() > limit ? active.subList(0, limit) : active;
	}

	/**
	 * Records that the plans changed: bumps the version every node compares with, and
	 * drops this node's copy once the transaction commits (so the next read, here, sees
	 * the change at once).
	 */
	void changed() {
		plans.bumpVersion();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					snapshot = null;
				}
			});
		}
		snapshot = null;
	}

	/** The catalog's version as this node last checked it (at most a second old). */
	long version() {
		return current().version();
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		long now = System.nanoTime();
		if (s != null && now - s.checkedAt() < recheckNanos) {
			return s;
		}
		long version = plans.version();
		if (s != null && s.version() == version) {
			s = new Snapshot(version, s.active(), now);
		}
		else {
			// the version is read before the plans: a change committed in between is read
			// again next time
			s = new Snapshot(version, List.copyOf(plans.active()), now);
		}
		snapshot = s;
		return s;
	}

	/**
	 * Plan id → the days before a due date its renewal invoice is made, for the plans
	 * that set their own (the others follow the billing setting). Read fresh: a billing
	 * run reads it once per batch.
	 */
	public Map<Long, Integer> renewalLeadDays() {
		return plans.renewalLeadDays();
	}

	/**
	 * Plan id → its own days for unpaid renewals, for the plans that set any (the others
	 * follow the billing settings). Read fresh, once per billing step.
	 */
	public Map<Long, Plan.OverdueDays> overdueDays() {
		return plans.overdueDays();
	}

	/** Every plan, active or not, in storefront order (admins see them all). */
	public List<Plan> allPlans() {
		return plans.all();
	}

	/**
	 * The figures every module reports for these plans (orders, revenue, active
	 * services), merged.
	 */
	public Map<Long, PlanFigures> figures(Collection<Long> planIds) {
		Map<Long, PlanFigures> merged = new HashMap<>();
		if (planIds.isEmpty()) {
			return merged;
		}
		stats.orderedStream()
			.forEach(s -> s.figures(planIds).forEach((id, f) -> merged.merge(id, f, PlanFigures::merge)));
		return merged;
	}

}
