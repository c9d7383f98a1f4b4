package org.hostwright.admin;

import org.hostwright.platform.Sums;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.hostwright.accounts.AccountUser;
import org.hostwright.admin.UserDirectory.Amount;
import org.hostwright.ordering.OrderStatus;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's dashboard: order and service counts, money spent, last payment, services
 * (active first), the last six orders and what to do next. Only the signed-in customer's
 * own rows are read.
 */
@Controller
class CustomerDashboard {

	private final JdbcClient jdbc;

	private final OrderDirectory orders;

	private final ServiceDirectory services;

	CustomerDashboard(JdbcClient jdbc, OrderDirectory orders, ServiceDirectory services) {
		this.jdbc = jdbc;
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
		model.addAttribute("awaitingSetup", services.paidOrdersWithoutService(me.id()));
		return "customer/dashboard";
	}

	Figures figures(long customerId, List<ServiceDirectory.ServiceRow> serviceRows) {
		long[] counts = jdbc.sql("""
				SELECT COUNT(*), COALESCE(SUM(CASE WHEN paid_at IS NOT NULL THEN 1 ELSE 0 END), 0),
				  COALESCE(SUM(CASE WHEN status = ? THEN 1 ELSE 0 END), 0)
				FROM orders WHERE customer_id = ?""")
			.params(OrderStatus.FAILED.wire(), customerId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<Amount> spent = jdbc.sql("""
				SELECT currency, SUM(price_minor) FROM orders WHERE customer_id = ? AND paid_at IS NOT NULL
				GROUP BY currency ORDER BY currency""")
			.param(customerId)
			.query((rs, n) -> new Amount(rs.getString(1), Sums.column(rs, 2)))
			.list();
		record Last(Instant at, Amount amount) {
		}
		Last last = jdbc.sql("""
				SELECT paid_at, currency, price_minor FROM orders WHERE customer_id = ? AND paid_at IS NOT NULL
				ORDER BY paid_at DESC LIMIT 1""")
			.param(customerId)
			.query((rs, n) -> new Last(rs.getTimestamp(1).toInstant(), new Amount(rs.getString(2), rs.getLong(3))))
			.optional()
			.orElse(new Last(null, null));
		long active = serviceRows.stream().filter(s -> s.state() == ServiceStatus.ACTIVE).count();
		long provisioning = serviceRows.stream().filter(s -> s.state().inProgress()).count();
		// "Failed" counts what shows a failed badge below it: payments that failed and
		// hosting whose setup failed
		long failedSetups = serviceRows.stream().filter(s -> s.state() == ServiceStatus.FAILED).count();
		return new Figures(counts[0], counts[1], counts[2] + failedSetups, active, provisioning, spent, last.at(),
				last.amount());
	}

	static Timestamp ts(Instant i) {
		return Timestamp.from(i);
	}

}
