package org.hostwright.provisioning;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A simple admin list of services (search by domain or username, filter by status, newest first,
 * paginated by id). The admin console may replace it with a richer one built on the same facade.
 */
@Controller
class AdminServiceListController {

	private static final int PAGE = 50;

	private final HostingServices services;

	AdminServiceListController(HostingServices services) {
		this.services = services;
	}

	@GetMapping("/admin/services")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long before, Model model) {
		ServiceStatus filter = parse(status);
		List<HostingService> rows = services.search(q, filter, before, PAGE + 1);
		model.addAttribute("services", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("nextBefore", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
		model.addAttribute("q", q);
		model.addAttribute("status", filter == null ? "" : filter.name());
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("counts", services.countByStatus());
		return "provisioning/admin-services";
	}

	private static ServiceStatus parse(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ServiceStatus.valueOf(status.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
