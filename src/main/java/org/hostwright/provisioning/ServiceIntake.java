package org.hostwright.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.hostwright.billing.Billing;
import org.hostwright.billing.StartSubscription;
import org.hostwright.catalog.BillingPeriod;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.ordering.OrderPaid;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.Jobs;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.States;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a paid order into a service and its provisioning job, in one transaction.
 * Listening to {@link OrderPaid} through the event publication registry means a crash
 * before this commits only delays it: the event is delivered again, and the unique order
 * id keeps it to one service.
 */
@Component
class ServiceIntake {

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final Orders orders;

	private final Catalog catalog;

	private final PanelServers servers;

	private final ProvisioningProperties properties;

	private final Jobs jobs;

	private final OneTimeTask<Long> provisioning;

	private final Clock clock;

	private final Billing billing;

	private final ZoneId zone;

	ServiceIntake(ServiceStore store, ProvisioningLog logs, Orders orders, Catalog catalog, PanelServers servers,
			ProvisioningProperties properties, Jobs jobs,
			@Qualifier("serviceProvisioningTask") OneTimeTask<Long> provisioning, Clock clock, Billing billing,
			PlatformProperties platform) {
		this.billing = billing;
		this.zone = platform.timeZone();
		this.store = store;
		this.logs = logs;
		this.orders = orders;
		this.catalog = catalog;
		this.servers = servers;
		this.properties = properties;
		this.jobs = jobs;
		this.provisioning = provisioning;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(OrderPaid event) {
		open(event.orderId());
	}

	/** The service of a paid order, created with its job when it does not exist yet. */
	@Transactional
	HostingService open(long orderId) {
		var existing = store.findByOrder(orderId);
		if (existing.isPresent()) {
			return existing.get();
		}
		OrderView order = orders.find(orderId).orElseThrow(() -> new NotFoundException("order"));
		if (!order.status().paid()) {
			throw new ConflictException("provisioning.order.unpaid", "This order is not paid yet.");
		}
		String planPackage = catalog.find(order.planId()).map(Plan::panelPackage).orElse(null);
		Long server = servers.defaultServer().map(PanelServer::id).orElse(null);
		Instant now = Instant.now(clock);
		long id = store.insert(new ServiceStore.NewService(order.id(), order.uuid(), order.customerId(), order.planId(),
				order.planSlug(), blankToNull(order.domain()), server,
				properties.packageFor(order.planSlug(), planPackage)), now);
		HostingService service = store.find(id).orElseThrow();
		startRenewals(service, order);
		billing.serviceCreated(order.id(), StartSubscription.HOSTING, service.id());
		logs.step(service, "status_update", true,
				"requested: order " + order.uuid() + " is paid, panel package " + service.panelPackage());
		schedule(id, now);
		return service;
	}

	/**
	 * Billing renews the service every period from the day it was paid, at the price it
	 * was sold for.
	 */
	private void startRenewals(HostingService service, OrderView order) {
		LocalDate start = (order.paidAt() == null ? Instant.now(clock) : order.paidAt()).atZone(zone).toLocalDate();
		billing.startSubscription(new StartSubscription(StartSubscription.HOSTING, service.id(), order.customerId(),
				order.planName() + (service.domain() == null ? "" : " – " + service.domain()), order.currency(),
				order.priceMinor(), States.fromColumn(BillingPeriod.class, order.billingPeriod()), start, true,
				order.planId()));
	}

	void schedule(long serviceId, Instant at) {
		jobs.scheduleIfAbsent(provisioning.instance(ProvisioningJobs.provisionId(serviceId), serviceId), at);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip().toLowerCase(Locale.ROOT);
	}

}
