package org.hostwright.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.hostwright.accounts.Accounts;
import org.hostwright.admin.DashboardFigures.Amount;
import org.hostwright.admin.DashboardFigures.DayAmount;
import org.hostwright.admin.DashboardFigures.DayCount;
import org.hostwright.admin.DashboardFigures.TopPlan;
import org.hostwright.billing.Billing;
import org.hostwright.billing.OverdueSummary;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.ordering.OrderFigures;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.Sums;
import org.hostwright.provisioning.ServiceFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Computes the admin dashboard from the modules' published figures ({@link OrderFigures},
 * {@link ServiceFigures}, {@link Accounts#count()}, {@link Catalog#allPlans()}): a
 * handful of aggregate queries, each answered from an index (see V6_1). With a million
 * orders the aggregates still take a few hundred milliseconds, so the result is kept for
 * {@code hostwright.admin.dashboard-cache}: refreshed in the background once half that
 * time has passed, and computed again before answering once the whole time has (see
 * {@link Age}). A cache of 0 computes on every request.
 */
@Component
class DashboardStats {

	static final int DAYS = 14;

	private static final Logger log = LoggerFactory.getLogger(DashboardStats.class);

	private final OrderFigures orderFigures;

	private final Accounts accounts;

	private final Catalog catalog;

	private final ServiceFigures services;

	private final Billing billing;

	private final Clock clock;

	private final ZoneId zone;

	private final String currency;

	private final Duration maxAge;

	private final AtomicReference<DashboardFigures> cached = new AtomicReference<>();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private final Object computing = new Object();

	private volatile History history;

	DashboardStats(OrderFigures orderFigures, Accounts accounts, Catalog catalog, ServiceFigures services,
			Billing billing, Clock clock, PlatformProperties platform, AdminProperties properties) {
		this.billing = billing;
		Duration maxAge = properties.dashboardCache();
		this.orderFigures = orderFigures;
		this.accounts = accounts;
		this.catalog = catalog;
		this.services = services;
		this.clock = clock;
		this.zone = platform.timeZone();
		this.currency = platform.defaultCurrency();
		this.maxAge = maxAge;
	}

	DashboardFigures figures() {
		DashboardFigures current = cached.get();
		Age age = current == null ? Age.STALE : age(current.computedAt(), Instant.now(clock), maxAge);
		if (age == Age.STALE) {
			return computeOnce(current);
		}
		if (age == Age.AGEING && refreshing.compareAndSet(false, true)) {
			Thread refresher = new Thread(() -> {
				try {
					computeOnce(current);
				}
				catch (RuntimeException ex) {
					log.warn("Could not refresh the admin dashboard figures", ex);
				}
				finally {
					refreshing.set(false);
				}
			}, "dashboard-refresh");
			refresher.setDaemon(true);
			refresher.start();
		}
		return current;
	}

	/**
	 * One computation at a time: requests that find the figures stale together (admins
	 * opening the dashboard after a quiet while) and the background refresh share one
	 * instead of each running the aggregates (four at once took 2 s each on a million
	 * orders). A request that waited for another's computation takes its result.
	 */
	private DashboardFigures computeOnce(DashboardFigures seen) {
		synchronized (computing) {
			DashboardFigures latest = cached.get();
			if (latest != null && latest != seen) {
				return latest;
			}
			DashboardFigures fresh = compute();
			cached.set(fresh);
			return fresh;
		}
	}

	/** How long the figures may be reused, as the page says next to them. */
	Duration maxAge() {
		return maxAge;
	}

	/** What the age of cached figures calls for. */
	enum Age {

		/** Young enough to show as they are. */
		FRESH,
		/**
		 * Past half the cache time: shown as they are while a background refresh replaces
		 * them, so a busy dashboard rarely waits.
		 */
		AGEING,
		/**
		 * Older than the cache time (nobody looked for a while): computed again before
		 * the page is answered, so the figures are never older than the lists under them
		 * by more than the cache time.
		 */
		STALE

	}

	static Age age(Instant computedAt, Instant now, Duration maxAge) {
		Duration age = Duration.between(computedAt, now);
		if (maxAge.isZero() || age.compareTo(maxAge) > 0) {
			return Age.STALE;
		}
		return age.compareTo(maxAge.dividedBy(2)) > 0 ? Age.AGEING : Age.FRESH;
	}

	DashboardFigures compute() {
		Instant now = Instant.now(clock);
		LocalDate today = LocalDate.now(clock.withZone(zone));
		Instant todayStarts = today.atStartOfDay(zone).toInstant();
		// orders created and paid before today do not change any more: their totals are
		// read once a day,
		// and only today's rows (a narrow index range) on every refresh
		History past = history;
		if (past == null || !past.before().equals(today)) {
			past = history(today, todayStarts);
			history = past;
		}
		long users = accounts.count();
		List<Plan> allPlans = catalog.allPlans();
		long plans = allPlans.size();
		long orders = past.orders() + orderFigures.countCreatedSince(todayStarts);
		// two index ranges of (status, created_at) instead of grouping every order by
		// status
		long pending = orderFigures.countWithStatus(OrderStatus.PENDING);
		long failed = orderFigures.countWithStatus(OrderStatus.FAILED);
		Map<String, Long> revenueByCurrency = new TreeMap<>(past.revenue());
		orderFigures.revenueSince(todayStarts).forEach((c, sum) -> revenueByCurrency.merge(c, sum, Long::sum));
		List<Amount> revenue = revenueByCurrency.entrySet()
			.stream()
			.map(e -> new Amount(e.getKey(), e.getValue()))
			.toList();
		Map<Long, Long> paidPerPlan = new HashMap<>(past.paidPerPlan());
		orderFigures.paidPerPlanSince(todayStarts).forEach((plan, n) -> paidPerPlan.merge(plan, n, Long::sum));
		ServiceFigures.Snapshot svc = services.snapshot();
		List<Amount> mrr = svc.mrrByCurrency()
			.entrySet()
			.stream()
			.map(e -> new Amount(e.getKey(), e.getValue()))
			.toList();

		LocalDate first = today.minusDays(DAYS - 1);
		Instant since = first.atStartOfDay(zone).toInstant();
		Map<LocalDate, long[]> days = new LinkedHashMap<>();
		for (int i = 0; i < DAYS; i++) {
			days.put(first.plusDays(i), new long[2]);
		}
		// one narrow index range per series; bucketing by local day in Java keeps the SQL
		// portable
		orderFigures.eachCreatedSince(since, created -> {
			long[] d = days.get(created.atZone(zone).toLocalDate());
			if (d != null) {
				d[0]++;
			}
		});
		orderFigures.eachPaidSince(since, currency, (paid, amount) -> {
			long[] d = days.get(paid.atZone(zone).toLocalDate());
			if (d != null) {
				d[1] = Sums.add(d[1], amount);
			}
		});
		List<DayCount> perDay = new ArrayList<>();
		List<DayAmount> revenuePerDay = new ArrayList<>();
		days.forEach((date, d) -> {
			perDay.add(new DayCount(date, d[0]));
			revenuePerDay.add(new DayAmount(date, d[1]));
		});

		Map<Long, String> names = new HashMap<>();
		allPlans.forEach(p -> names.put(p.id(), p.name()));
		List<TopPlan> top = paidPerPlan.entrySet()
			.stream()
			.filter(e -> names.containsKey(e.getKey()))
			.sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(5)
			.map(e -> new TopPlan(e.getKey(), names.get(e.getKey()), e.getValue()))
			.toList();

		OverdueSummary overdue = billing.overdueSummary();
		return new DashboardFigures(users, plans, orders, svc.active(), pending, failed, currency, amountIn(revenue),
				amountIn(mrr), perDay, revenuePerDay, top, revenue, mrr, now, svc.failed(), overdue.overdueInvoices(),
				overdue.owedByCurrency().entrySet().stream().map(e -> new Amount(e.getKey(), e.getValue())).toList(),
				overdue.suspendedServices());
	}

	/**
	 * Totals of the orders created (count) and paid (revenue, paid orders per plan)
	 * before a day.
	 */
	private record History(LocalDate before, long orders, Map<String, Long> revenue, Map<Long, Long> paidPerPlan) {
	}

	private History history(LocalDate day, Instant dayStarts) {
		return new History(day, orderFigures.countCreatedBefore(dayStarts),
				Map.copyOf(orderFigures.revenueBefore(dayStarts)),
				Map.copyOf(orderFigures.paidPerPlanBefore(dayStarts)));
	}

	private long amountIn(List<Amount> amounts) {
		return amounts.stream()
			.filter(a -> a.currency().equals(currency))
			.mapToLong(Amount::amountCents)
			.reduce(0, Sums::add);
	}

}
