package org.hostwright.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin dashboard's figures as JSON. */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Admin console")
@RestController
class DashboardApiController {

	private final DashboardStats stats;

	DashboardApiController(DashboardStats stats) {
		this.stats = stats;
	}

	/**
	 * The dashboard figures; money in minor units of the default currency, all currencies
	 * listed too.
	 */
	@GetMapping("/api/admin/stats/dashboard")
	DashboardFigures dashboard() {
		return stats.figures();
	}

}
