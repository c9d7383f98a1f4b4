package org.hostwright.provisioning;

import java.util.List;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every service credential of one user for an admin, in the module that holds and
 * decrypts them; {@link HostingServices#revealCredentials} records one audit entry per
 * service shown ({@code service.credentials.viewed}).
 */
@PageController
class AdminCredentialsController {

	private final HostingServices services;

	private final Accounts accounts;

	private final AuditLog audit;

	AdminCredentialsController(HostingServices services, Accounts accounts, AuditLog audit) {
		this.services = services;
		this.accounts = accounts;
		this.audit = audit;
	}

	/** A service as the credentials page lists it. */
	record Row(long id, String domain, String username, ServiceStatus status) {

		static Row of(HostingService s) {
			return new Row(s.id(), s.domain(), s.panelUsername(), s.status());
		}

	}

	record Credential(Row service, ServiceCredentials credentials) {
	}

	@GetMapping("/admin/users/{id}/credentials")
	String credentials(@PathVariable long id, Model model) {
		Account account = accounts.require(id);
		List<Credential> rows = services.ofCustomer(id)
			.stream()
			.filter(s -> s.panelUsername() != null)
			.map(s -> new Credential(Row.of(s), reveal(s.id())))
			.toList();
		audit.record("admin.user.credentials_viewed", "user", id, rows.size() + " service(s)");
		model.addAttribute("account", account);
		model.addAttribute("rows", rows);
		return "admin/users/credentials";
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

}
