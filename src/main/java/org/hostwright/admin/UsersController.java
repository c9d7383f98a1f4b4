package org.hostwright.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.AccountUser;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.EmailTakenException;
import org.hostwright.accounts.NewAccount;
import org.hostwright.accounts.Role;
import org.hostwright.accounts.UserDirectory;
import org.hostwright.audit.AuditLog;
import org.hostwright.ordering.OrderDirectory;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Slice;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;
import org.hostwright.provisioning.ServiceDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin user management: list and search, details, create, edit, delete (impersonation is
 * in accounts).
 */
@PageController
@RequestMapping("/admin/users")
class UsersController {

	private final UserDirectory directory;

	private final OrderDirectory orders;

	private final ServiceDirectory services;

	private final Accounts accounts;

	private final AuditLog audit;

	UsersController(UserDirectory directory, OrderDirectory orders, ServiceDirectory services, Accounts accounts,
			AuditLog audit) {
		this.directory = directory;
		this.orders = orders;
		this.services = services;
		this.accounts = accounts;
		this.audit = audit;
	}

	record UserForm(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
			@Size(max = 30) String phone, @Pattern(regexp = "CUSTOMER|ADMIN") String role,
			@Size(max = 200) String password) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) Integer page, Model model) {
		var filter = new UserDirectory.Filter(q, role);
		model.addAttribute("filter", filter);
		model.addAttribute("users", directory.list(filter, Slice.page(page), Slice.DEFAULT_SIZE));
		return "admin/users/list";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new UserForm("", "", "", "CUSTOMER", ""));
		return "admin/users/form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, RedirectAttributes ra) {
		if (errors.hasErrors()) {
			return "admin/users/form";
		}
		try {
			Account created;
			boolean admin = "ADMIN".equals(form.role());
			if (!admin && (form.password() == null || form.password().isBlank())) {
				// the customer receives a temporary password by e-mail and must change it
				// at first sign-in
				created = accounts.createWithTemporaryPassword(form.name(), form.email(), form.phone()).account();
			}
			else {
				created = accounts.register(new NewAccount(form.name(), form.email(), form.phone(), form.password(),
						admin ? Role.ADMIN : Role.CUSTOMER));
			}
			audit.record("admin.user.created", "user", created.id(), created.email() + " (" + created.role() + ")");
			Flash.success(ra, "admin.users.created", created.email());
			return "redirect:/admin/users/" + created.id();
		}
		catch (EmailTakenException ex) {
			errors.rejectValue("email", "accounts.email.taken", "This e-mail is used by another account.");
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		return "admin/users/form";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Account account = accounts.require(id);
		model.addAttribute("account", account);
		model.addAttribute("spending", orders.spendingOf(id));
		model.addAttribute("orders", orders.ofCustomer(id, 20));
		model.addAttribute("services", services.ofCustomer(id));
		return "admin/users/show";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Account a = accounts.require(id);
		model.addAttribute("account", a);
		model.addAttribute("form", new UserForm(a.name(), a.email(), a.phone(), a.role().name(), null));
		return "admin/users/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors,
			Model model, RedirectAttributes ra) {
		Account before = accounts.require(id);
		model.addAttribute("account", before);
		if (errors.hasErrors()) {
			return "admin/users/form";
		}
		try {
			Account after = accounts.updateProfile(id, form.name(), form.email(), form.phone());
			audit.record("admin.user.updated", "user", id, changes(before, after));
			Flash.success(ra, "admin.users.saved", after.email());
			return "redirect:/admin/users/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
		}
		return "admin/users/form";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, @AuthenticationPrincipal AccountUser me, RedirectAttributes ra) {
		if (id == me.id()) {
			Flash.error(ra, "admin.users.deleteSelf");
			return "redirect:/admin/users/" + id;
		}
		Account account = accounts.require(id);
		try {
			accounts.deleteWithoutPassword(id);
		}
		catch (ConflictException ex) {
			Flash.error(ra, "admin.users.deleteRefused", account.email());
			return "redirect:/admin/users/" + id;
		}
		Flash.success(ra, "admin.users.deleted", account.email());
		return "redirect:/admin/users";
	}

	private static String changes(Account before, Account after) {
		StringBuilder s = new StringBuilder();
		if (!before.name().equals(after.name())) {
			s.append("name; ");
		}
		if (!before.email().equals(after.email())) {
			s.append("email ").append(before.email()).append(" -> ").append(after.email()).append("; ");
		}
		if (!java.util.Objects.equals(before.phone(), after.phone())) {
			s.append("phone; ");
		}
		return s.isEmpty() ? "no change" : s.toString().strip();
	}

}
