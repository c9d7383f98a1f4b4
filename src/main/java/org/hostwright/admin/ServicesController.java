package org.hostwright.admin;

import org.hostwright.platform.Slice;
import org.hostwright.platform.web.PageController;
import org.hostwright.provisioning.ServiceDirectory;
import org.hostwright.provisioning.ServiceSearch;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin services grid (search by domain or panel username, filter by status; details
 * and actions are provisioning's pages under /admin/services/{id}, like a user's service
 * credentials under /admin/users/{id}/credentials).
 */
@PageController
class ServicesController {

	private final ServiceDirectory directory;

	ServicesController(ServiceDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/admin/services")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		var filter = new ServiceSearch(status, q);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("services", directory.list(filter, Slice.page(page), Slice.DEFAULT_SIZE));
		return "admin/services/list";
	}

}
