package org.hostwright.admin;

import java.util.List;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.ConflictException;
import org.hostwright.provisioning.HostingServices;
import org.hostwright.provisioning.ServiceCredentials;
import org.hostwright.provisioning.ServiceStatus;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin services grid (search by domain or panel username, filter by status; details
 * and actions are provisioning's pages under /admin/services/{id}) and a user's service
 * credentials.
 */
@Controller
class ServicesController {

	private final ServiceDirectory directory;

	private final HostingServices services;

	private final Accounts accounts;

	private final AuditLog audit;

	ServicesController(ServiceDirectory directory, HostingServices services, Accounts accounts, AuditLog audit) {
		this.directory = directory;
		this.services = services;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/admin/services")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		var filter = new ServiceDirectory.Filter(status, q);
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", ServiceStatus.values());
		model.addAttribute("services", directory.list(filter, Slice.page(page), Slice.DEFAULT_SIZE));
		return "admin/services/list";
	}

	private ServiceCredentials reveal(long serviceId) {
		try {
			return services.revealCredentials(serviceId);
		}
		catch (ConflictException ex) {
			// a panel account still being created has no password yet
			return null;
		}
	}

	record Credential(ServiceDirectory.ServiceRow service, ServiceCredentials credentials) {
	}

	/**
	 * Every service credential of the user, decrypted by provisioning, which records one
	 * audit entry per service shown ({@code service.credentials.viewed}).
	 */
	@GetMapping("/admin/users/{id}/credentials")
	String credentials(@PathVariable long id, Model model) {
		Account account = accounts.require(id);
		List<Credential> rows = directory.ofCustomer(id)
			.stream()
			.filter(s -> s.username() != null)
			.map(s -> new Credential(s, reveal(s.id())))
			.toList();
		audit.record("admin.user.credentials_viewed", "user", id, rows.size() + " service(s)");
		model.addAttribute("account", account);
		model.addAttribute("rows", rows);
		return "admin/users/credentials";
	}

}
