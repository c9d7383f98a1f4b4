package org.hostwright.admin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hostwright.accounts.AccountUser;
import org.hostwright.billing.Billing;
import org.hostwright.ordering.OrderDirectory;
import org.hostwright.ordering.OrderDirectory.Amount;
import org.hostwright.platform.web.PageController;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.provisioning.ServiceDirectory;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's dashboard: order and service counts, money spent, last payment, services
 * (active first), the last six orders and what to do next. Only the signed-in customer's
 * own rows are read.
 */
@PageController
class CustomerDashboard {

	private final OrderDirectory orders;

	private final ServiceDirectory services;

	private final Billing billing;

	private final HostingServices hosting;

	CustomerDashboard(OrderDirectory orders, ServiceDirectory services, Billing billing, HostingServices hosting) {
		this.billing = billing;
		this.hosting = hosting;
		this.orders = orders;
		this.services = services;
	}

	record Figures(long ordersTotal, long ordersPaid, long ordersFailed, long servicesActive, long servicesProvisioning,
			List<Amount> totalSpent, Instant lastPaymentAt, Amount lastPayment) {
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal AccountUser me, Model model) {
		var serviceRows = services.ofCustomer(me.id());
		model.addAttribute("figures", figures(me.id(), serviceRows));
		model.addAttribute("services", serviceRows);
		model.addAttribute("orders", orders.ofCustomer(me.id(), 6));
		model.addAttribute("awaitingSetup", hosting.awaitingSetup(me.id()));
		model.addAttribute("dues", billing.duesOf(me.id()));
		return "customer/dashboard";
	}

	Figures figures(long customerId, List<ServiceDirectory.ServiceRow> serviceRows) {
		OrderDirectory.Spending spending = orders.spendingOf(customerId);
		long active = serviceRows.stream().filter(s -> s.state() == ServiceStatus.ACTIVE).count();
		long provisioning = serviceRows.stream().filter(s -> s.state().inProgress()).count();
		// "Failed" counts what shows a failed badge below it: payments that failed and
		// hosting whose setup failed
		long failedSetups = serviceRows.stream().filter(s -> s.state() == ServiceStatus.FAILED).count();
		return new Figures(spending.ordersTotal(), spending.ordersPaid(), spending.ordersFailed() + failedSetups,
				active, provisioning, spending.totalSpent(), spending.lastPaymentAt(), spending.lastPayment());
	}

	static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}

}
