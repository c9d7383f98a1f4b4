package org.hostwright.provisioning;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages for panel servers: list, create, edit, deactivate/activate. Secrets are
 * write-only.
 */
@PageController
@RequestMapping("/admin/servers")
class PanelServersController {

	private final PanelServers servers;

	PanelServersController(PanelServers servers) {
		this.servers = servers;
	}

	/** The form's fields; the secret is never sent back to the browser. */
	static class ServerForm {

		private String name = "";

		private String adminUrl = "";

		private String enduserUrl = "";

		private String authType = "key";

		private String apiUser = "admin";

		private String secret = "";

		static ServerForm of(PanelServer s) {
			ServerForm f = new ServerForm();
			f.name = s.name();
			f.adminUrl = s.adminUrl();
			f.enduserUrl = s.enduserUrl();
			f.authType = s.basicAuth() ? "basic" : "key";
			f.apiUser = s.apiUser();
			return f;
		}

		PanelServerForm toCommand() {
			return new PanelServerForm(name, adminUrl, enduserUrl, authType, apiUser, secret);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAdminUrl() {
			return adminUrl;
		}

		public void setAdminUrl(String adminUrl) {
			this.adminUrl = adminUrl;
		}

		public String getEnduserUrl() {
			return enduserUrl;
		}

		public void setEnduserUrl(String enduserUrl) {
			this.enduserUrl = enduserUrl;
		}

		public String getAuthType() {
			return authType;
		}

		public void setAuthType(String authType) {
			this.authType = authType;
		}

		public String getApiUser() {
			return apiUser;
		}

		public void setApiUser(String apiUser) {
			this.apiUser = apiUser;
		}

		public String getSecret() {
			return "";
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("servers", servers.all());
		return "provisioning/servers";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new ServerForm());
		model.addAttribute("serverId", null);
		return "provisioning/server-form";
	}

	@PostMapping
	String create(@ModelAttribute("form") ServerForm form, BindingResult errors, Model model, RedirectAttributes ra) {
		try {
			servers.create(form.toCommand());
			Flash.success(ra, "servers.saved");
			return "redirect:/admin/servers";
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			model.addAttribute("serverId", null);
			return "provisioning/server-form";
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", ServerForm.of(servers.require(id)));
		model.addAttribute("serverId", id);
		return "provisioning/server-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") ServerForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		try {
			servers.update(id, form.toCommand());
			Flash.success(ra, "servers.saved");
			return "redirect:/admin/servers";
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			model.addAttribute("serverId", id);
			return "provisioning/server-form";
		}
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes ra) {
		servers.setActive(id, false);
		Flash.success(ra, "servers.deactivated");
		return "redirect:/admin/servers";
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes ra) {
		servers.setActive(id, true);
		Flash.success(ra, "servers.activated");
		return "redirect:/admin/servers";
	}

}
