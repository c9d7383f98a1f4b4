package org.hostwright.provisioning;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.Links;

import org.springframework.stereotype.Component;

/**
 * The e-mails of provisioning, sent in the caller's transaction. None carries a panel
 * password: the customer gets a single-use link that shows it after signing in.
 */
@Component
class ServiceNotifications {

	private final Mailer mailer;

	private final Accounts accounts;

	private final CredentialLinks credentialLinks;

	private final Links links;

	private final ProvisioningProperties properties;

	ServiceNotifications(Mailer mailer, Accounts accounts, CredentialLinks credentialLinks, Links links,
			ProvisioningProperties properties) {
		this.mailer = mailer;
		this.accounts = accounts;
		this.credentialLinks = credentialLinks;
		this.links = links;
		this.properties = properties;
	}

	/** "Your hosting is ready", with the link to see the password once. */
	void serviceReady(HostingService s) {
		send(s, "service-ready");
	}

	/** The credentials again, on an admin's request: a fresh single-use link. */
	void credentials(HostingService s) {
		send(s, "service-credentials");
	}

	private void send(HostingService s, String template) {
		Account owner = accounts.require(s.customerId());
		String token = credentialLinks.issue(s.id());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", owner.name());
		model.put("domain", s.domain() == null ? s.panelUsername() : s.domain());
		model.put("username", s.panelUsername());
		model.put("credentialsUrl", links.url("/me/services/" + s.id() + "/credentials?token=" + token));
		model.put("serviceUrl", links.url("/me/services/" + s.id()));
		model.put("hours", properties.credentialsLinkTtl().toHours());
		mailer.send(owner.email(), template, model);
	}

	/**
	 * Tells the admins that a service could not be provisioned after the last attempt.
	 */
	void provisioningFailed(HostingService s, String reason) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("serviceId", s.id());
		model.put("domain", s.domain() == null ? "—" : s.domain());
		model.put("attempts", s.attempts());
		model.put("reason", reason == null ? "" : reason);
		model.put("serviceUrl", links.url("/admin/services/" + s.id()));
		for (String admin : adminRecipients()) {
			mailer.send(admin, "service-failed", model);
		}
	}

	/**
	 * Tells the customer, once per failure (the move to failed happens once), that the
	 * setup did not finish and what happens next; in the customer's language.
	 */
	void setupFailed(HostingService s) {
		Account owner = accounts.require(s.customerId());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", owner.name());
		model.put("domain", s.domain() == null ? s.planSlug() : s.domain());
		model.put("orderUrl", links.url("/order/" + s.orderUuid()));
		mailer.send(owner.email(), "service-setup-failed", model);
	}

	/**
	 * Tells the customer that the account was suspended (the reason, and what to do to
	 * have it back) or reactivated, in the customer's language.
	 */
	void panelActionDone(HostingService s, PanelAction action, String reason) {
		if (action == PanelAction.TERMINATE) {
			return;
		}
		Account owner = accounts.require(s.customerId());
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("name", owner.name());
		model.put("domain", s.domain() == null ? s.panelUsername() : s.domain());
		model.put("reason", reason);
		model.put("serviceUrl", links.url("/me/services/" + s.id()));
		mailer.send(owner.email(), action == PanelAction.SUSPEND ? "service-suspended" : "service-reactivated", model);
	}

	private List<String> adminRecipients() {
		if (!properties.alertEmail().isBlank()) {
			return Arrays.stream(properties.alertEmail().split(","))
				.map(String::strip)
				.filter(e -> !e.isEmpty())
				.toList();
		}
		return accounts.adminEmails();
	}

}
