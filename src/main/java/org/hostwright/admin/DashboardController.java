package org.hostwright.admin;

import org.hostwright.accounts.UserDirectory;
import org.hostwright.ordering.OrderDirectory;
import org.hostwright.platform.web.PageController;
import org.hostwright.provisioning.ServiceDirectory;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin console's home: figures, 14-day charts, recent activity, top plans. */
@PageController
class DashboardController {

	private final DashboardStats stats;

	private final OrderDirectory orders;

	private final UserDirectory users;

	private final ServiceDirectory services;

	private final org.hostwright.platform.web.Fmt fmt;

	DashboardController(DashboardStats stats, OrderDirectory orders, UserDirectory users, ServiceDirectory services,
			org.hostwright.platform.web.Fmt fmt) {
		this.stats = stats;
		this.fmt = fmt;
		this.orders = orders;
		this.users = users;
		this.services = services;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		DashboardFigures figures = stats.figures();
		model.addAttribute("stats", figures);
		model.addAttribute("cacheSeconds", stats.maxAge().toSeconds());
		// chart series as plain strings for data-* attributes (the page script draws
		// them)
		model.addAttribute("chartLabels",
				String.join("|", figures.ordersPerDay().stream().map(d -> fmt.date(d.date())).toList()));
		model.addAttribute("chartOrders",
				String.join(",", figures.ordersPerDay().stream().map(d -> String.valueOf(d.count())).toList()));
		model.addAttribute("chartRevenue", String.join(",", figures.revenuePerDay()
			.stream()
			.map(d -> java.math.BigDecimal.valueOf(d.amountCents(), fractionDigits(figures.currency())).toPlainString())
			.toList()));
		model.addAttribute("recentOrders", orders.recent(8));
		model.addAttribute("recentServices", services.recent(8));
		model.addAttribute("recentUsers", users.recent(6));
		return "admin/dashboard";
	}

	private static int fractionDigits(String currency) {
		try {
			return Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

	@GetMapping("/admin/home")
	String home() {
		return "redirect:/admin";
	}

}
