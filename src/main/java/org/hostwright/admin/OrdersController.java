package org.hostwright.admin;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.catalog.Catalog;
import org.hostwright.ordering.OrderDirectory;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.PhoneNumbers;
import org.hostwright.platform.Slice;
import org.hostwright.platform.web.Flash;
import org.hostwright.platform.web.FormErrors;
import org.hostwright.platform.web.PageController;

import org.springframework.dao.DataIntegrityViolationException;
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
 * Admin order management: list by status with search, details with timeline, manual
 * orders, edit, delete.
 */
@PageController
@RequestMapping("/admin/orders")
class OrdersController {

	private final OrderDirectory directory;

	private final OrderDetails details;

	private final Orders orders;

	private final Accounts accounts;

	private final Catalog catalog;

	private final PhoneNumbers phones;

	private final AuditLog audit;

	OrdersController(OrderDirectory directory, OrderDetails details, Orders orders, Accounts accounts, Catalog catalog,
			PhoneNumbers phones, AuditLog audit) {
		this.directory = directory;
		this.details = details;
		this.orders = orders;
		this.accounts = accounts;
		this.catalog = catalog;
		this.phones = phones;
		this.audit = audit;
	}

	record NewOrderForm(@NotBlank @Email String customerEmail, @NotNull Long planId, @Size(max = 30) String phone,
			@Size(max = 253) String domain) {
	}

	record EditOrderForm(@Size(max = 30) String phone, @Size(max = 253) String domain) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		var filter = new OrderDirectory.Filter(status, q);
		model.addAttribute("filter", filter);
		model.addAttribute("orders", directory.list(filter, Slice.page(page), Slice.DEFAULT_SIZE));
		return "admin/orders/list";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) String customer, Model model) {
		model.addAttribute("form", new NewOrderForm(customer == null ? "" : customer, null, "", ""));
		model.addAttribute("plans", catalog.activePlans(0));
		return "admin/orders/new";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") NewOrderForm form, BindingResult errors, Model model,
			RedirectAttributes ra) {
		model.addAttribute("plans", catalog.activePlans(0));
		if (errors.hasErrors()) {
			return "admin/orders/new";
		}
		Account customer = accounts.findByEmail(form.customerEmail()).orElse(null);
		if (customer == null || customer.admin()) {
			errors.rejectValue("customerEmail", "admin.orders.customerUnknown", "No customer has this e-mail.");
			return "admin/orders/new";
		}
		try {
			OrderView order = orders.place(new PlaceOrder(customer.id(), form.planId(), phone(form.phone()),
					OrderDetails.domain(form.domain()), "created by an admin"));
			audit.record("admin.order.created", "order", order.uuid(), customer.email() + " " + order.planName());
			Flash.success(ra, "admin.orders.createdFlash");
			return "redirect:/admin/orders/" + order.uuid();
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return "admin/orders/new";
		}
	}

	@GetMapping("/{uuid}")
	String show(@PathVariable UUID uuid, Model model) {
		model.addAttribute("d", details.require(uuid));
		return "admin/orders/show";
	}

	@GetMapping("/{uuid}/edit")
	String editForm(@PathVariable UUID uuid, Model model) {
		var order = details.require(uuid).order();
		model.addAttribute("order", order);
		model.addAttribute("form", new EditOrderForm(order.phone(), order.domain()));
		return "admin/orders/edit";
	}

	@PostMapping("/{uuid}")
	String update(@PathVariable UUID uuid, @Valid @ModelAttribute("form") EditOrderForm form, BindingResult errors,
			Model model, RedirectAttributes ra) {
		var order = details.require(uuid).order();
		model.addAttribute("order", order);
		if (errors.hasErrors()) {
			return "admin/orders/edit";
		}
		try {
			orders.updateContact(order.id(), phone(form.phone()), OrderDetails.domain(form.domain()));
			audit.record("admin.order.updated", "order", uuid, "phone " + order.phone() + " -> " + form.phone()
					+ "; domain " + order.domain() + " -> " + form.domain());
			Flash.success(ra, "admin.orders.saved");
			return "redirect:/admin/orders/" + uuid;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, errors);
			return "admin/orders/edit";
		}
	}

	@PostMapping("/{uuid}/delete")
	String delete(@PathVariable UUID uuid, RedirectAttributes ra) {
		var order = details.require(uuid).order();
		try {
			orders.deleteNeverPaid(order.id());
			audit.record("admin.order.deleted", "order", uuid, order.customerEmail() + " " + order.planName());
		}
		catch (ConflictException | DataIntegrityViolationException ex) {
			Flash.error(ra, "admin.orders.deleteRefused");
			return "redirect:/admin/orders/" + uuid;
		}
		Flash.success(ra, "admin.orders.deleted");
		return "redirect:/admin/orders";
	}

	private String phone(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		return phones.toE164(raw)
			.orElseThrow(
					() -> new InvalidInputException("phone", "accounts.phone.invalid", "Enter a valid phone number."));
	}

	static NotFoundException notFound() {
		return new NotFoundException("order");
	}

}
