package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;

import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.agency.ServiceKinds.Type;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.States;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.hostwright.platform.States;
import org.hostwright.platform.web.PageController;
import org.hostwright.platform.web.Pager;
import org.springframework.web.bind.annotation.RequestParam;

/** The agency dashboard and the Client Services page across all sites. */
@PageController
class AgencyPagesController {

	static final int PAGE_SIZE = 25;

	private final AgencyStats stats;

	private final ClientServiceRepository services;

	private final Clock clock;

	AgencyPagesController(AgencyStats stats, ClientServiceRepository services, Clock clock) {
		this.stats = stats;
		this.services = services;
		this.clock = clock;
	}

	@GetMapping("/admin/hosting")
	String dashboard(Model model) {
		model.addAttribute("stats", stats.dashboard());
		return "agency/dashboard";
	}

	@GetMapping("/admin/hosting/clients")
	String clients(@RequestParam(required = false) String type, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean expiring, @RequestParam(defaultValue = "1") int page,
			Model model) {
		Type t = blank(type) ? null : States.parse(Type.class, type)
			.orElseThrow(
					() -> new InvalidInputException("type", "agency.service.type.unknown", "Unknown service type."));
		Status s = blank(status) ? null : States.parse(Status.class, status)
			.orElseThrow(() -> new InvalidInputException("status", "agency.service.status.unknown", "Unknown status."));
		Instant now = Instant.now(clock);
		int p = Math.max(1, page);
		var result = services.search(t, s, expiring ? now.plus(AgencyStats.RENEWAL_WINDOW) : null, now, p, PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("type", type);
		model.addAttribute("status", status);
		model.addAttribute("expiring", expiring);
		model.addAttribute("page", p);
		model.addAttribute("size", PAGE_SIZE);
		model.addAttribute("pager", Pager.counted(p, PAGE_SIZE, result.items().size(), result.total()));
		return "agency/clients";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
