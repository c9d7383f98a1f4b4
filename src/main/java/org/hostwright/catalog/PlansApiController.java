package org.hostwright.catalog;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.platform.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Plans", description = "The hosting plans on sale, and their administration")
@RestController
class PlansApiController {

	private final Catalog catalog;

	private final PlanEditor editor;

	PlansApiController(Catalog catalog, PlanEditor editor) {
		this.catalog = catalog;
		this.editor = editor;
	}

	record PublicPlan(long id, String slug, String name, String description, List<String> features, long priceCents,
			String currency, String billingPeriod) {

		static PublicPlan of(Plan p) {
			return new PublicPlan(p.id(), p.slug(), p.name(), p.description(), p.features(), p.priceMinor(),
					p.currency(), p.billingPeriod().name().toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * A plan for admins; the overdue days and reminder offsets are absent (null) where
	 * the plan follows the billing settings.
	 */
	record AdminPlan(long id, String slug, String name, String description, List<String> features, long priceCents,
			String currency, String billingPeriod, boolean active, int sortOrder, String panelPackage,
			Integer renewalLeadDays, Integer suspendAfterDays, Integer terminateAfterDays,
			Integer terminationWarningDays, List<Integer> reminderDays) {

		static AdminPlan of(Plan p) {
			Plan.OverdueDays o = p.overdueDays();
			return new AdminPlan(p.id(), p.slug(), p.name(), p.description(), p.features(), p.priceMinor(),
					p.currency(), p.billingPeriod().name().toLowerCase(Locale.ROOT), p.active(), p.sortOrder(),
					p.panelPackage(), p.renewalLeadDays(), o.suspendAfterDays(), o.terminateAfterDays(),
					o.terminationWarningDays(),
					o.setsReminders()
							? java.util.Arrays.stream(o.reminderDays().split(",")).map(Integer::valueOf).toList()
							: null);
		}

	}

	/**
	 * Body of create and update; validated by {@link PlanEditor} (all field errors at
	 * once).
	 */
	record PlanRequest(String name, String description, List<String> features, Long priceCents, String currency,
			String billingPeriod, Boolean active, Integer sortOrder, String panelPackage, Integer renewalLeadDays,
			Integer suspendAfterDays, Integer terminateAfterDays, Integer terminationWarningDays,
			List<Integer> reminderDays) {

		PlanDraft draft() {
			return new PlanDraft(name, description, features, priceCents, currency, billingPeriod, active, sortOrder,
					panelPackage, renewalLeadDays, suspendAfterDays, terminateAfterDays, terminationWarningDays,
					reminderDays == null ? null
							: String.join(",", reminderDays.stream().map(String::valueOf).toList()));
		}

	}

	@Operation(summary = "Active plans, in storefront order (public)")
	@GetMapping("/api/plans")
	List<PublicPlan> plans(HttpServletRequest request) {
		PublicPageCache.markPublic(request);
		return catalog.activePlans(0).stream().map(PublicPlan::of).toList();
	}

	@Operation(summary = "One active plan by slug (public)")
	@GetMapping("/api/plans/{slug}")
	PublicPlan plan(@PathVariable String slug) {
		return catalog.findBySlug(slug)
			.filter(Plan::active)
			.map(PublicPlan::of)
			.orElseThrow(() -> new NotFoundException("plan"));
	}

	@Operation(summary = "Every plan, active or not")
	@GetMapping("/api/admin/plans")
	List<AdminPlan> all() {
		return catalog.allPlans().stream().map(AdminPlan::of).toList();
	}

	@Operation(summary = "Create a plan; its slug is made from the name")
	@PostMapping("/api/admin/plans")
	@ResponseStatus(HttpStatus.CREATED)
	AdminPlan create(@RequestBody PlanRequest body) {
		return AdminPlan.of(editor.create(body.draft()));
	}

	@GetMapping("/api/admin/plans/{id}")
	AdminPlan get(@PathVariable long id) {
		return catalog.find(id).map(AdminPlan::of).orElseThrow(() -> new NotFoundException("plan"));
	}

	@Operation(summary = "Replace a plan's fields (the slug stays)")
	@PutMapping("/api/admin/plans/{id}")
	AdminPlan update(@PathVariable long id, @RequestBody PlanRequest body) {
		return AdminPlan.of(editor.update(id, body.draft()));
	}

	@Operation(summary = "Delete a plan no order uses (409 otherwise: deactivate it instead)")
	@DeleteMapping("/api/admin/plans/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		editor.delete(id);
	}

}
