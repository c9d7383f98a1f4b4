package org.hostwright.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.States;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Services for admins over the JSON API: list, details with logs, credentials (audited),
 * actions (202).
 */
@RestController
@RequestMapping("/api/admin/services")
class AdminServicesApiController {

	private final HostingServices services;

	private final ServiceDirectory directory;

	private final PlanChanges planChanges;

	private final PlanChangeRelease release;

	AdminServicesApiController(HostingServices services, ServiceDirectory directory, PlanChanges planChanges,
			PlanChangeRelease release) {
		this.services = services;
		this.directory = directory;
		this.planChanges = planChanges;
		this.release = release;
	}

	record LogJson(long id, String step, boolean success, String message, String request, String response,
			Long durationMs, Instant createdAt) {

		static LogJson from(ProvisioningLogEntry e) {
			return new LogJson(e.id(), e.step(), e.success(), e.message(), e.request(), e.response(), e.durationMs(),
					e.createdAt());
		}

	}

	record ServiceJson(long id, long orderId, UUID orderUuid, long customerId, String domain, String planSlug,
			String panelPackage, Long panelServerId, String panelUsername, String status, int attempts,
			String lastError, Instant lastAttemptAt, Instant lastProvisionedAt, Instant lastFailedAt, Instant createdAt,
			List<LogJson> logs) {

		static ServiceJson from(HostingService s, List<LogJson> logs) {
			return new ServiceJson(s.id(), s.orderId(), s.orderUuid(), s.customerId(), s.domain(), s.planSlug(),
					s.panelPackage(), s.panelServerId(), s.panelUsername(), s.status().wire(), s.attempts(),
					s.lastError(), s.lastAttemptAt(), s.lastProvisionedAt(), s.lastFailedAt(), s.createdAt(), logs);
		}

	}

	record CredentialsJson(String username, String password, String panelUrl) {
	}

	@GetMapping
	List<ServiceJson> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit) {
		// the admin services page's search, keyset-paginated
		ServiceStatus wanted = status(status);
		return directory.search(new ServiceSearch(wanted == null ? null : wanted.wire(), q), before, limit)
			.stream()
			.map(s -> ServiceJson.from(s.service(), null))
			.toList();
	}

	@GetMapping("/{id}")
	ServiceJson show(@PathVariable long id) {
		return ServiceJson.from(services.require(id), services.logs(id).stream().map(LogJson::from).toList());
	}

	@GetMapping("/{id}/credentials")
	CredentialsJson credentials(@PathVariable long id) {
		ServiceCredentials c = services.revealCredentials(id);
		return new CredentialsJson(c.username(), c.password(), c.panelUrl());
	}

	/** An optional reason for the customer, e-mailed once the panel has done it. */
	record ActionRequest(String reason) {
	}

	@PostMapping("/{id}/suspend")
	ResponseEntity<Map<String, Object>> suspend(@PathVariable long id,
			@RequestBody(required = false) ActionRequest body) {
		return accepted(id, "suspend", s -> services.suspend(s, body == null ? null : body.reason()));
	}

	@PostMapping("/{id}/activate")
	ResponseEntity<Map<String, Object>> activate(@PathVariable long id,
			@RequestBody(required = false) ActionRequest body) {
		return accepted(id, "activate", s -> services.activate(s, body == null ? null : body.reason()));
	}

	@PostMapping("/{id}/reprovision")
	ResponseEntity<Map<String, Object>> reprovision(@PathVariable long id) {
		return accepted(id, "reprovision", services::reprovision);
	}

	@PostMapping("/{id}/terminate")
	ResponseEntity<Map<String, Object>> terminate(@PathVariable long id) {
		return accepted(id, "terminate", services::terminate);
	}

	@PostMapping("/{id}/email-credentials")
	ResponseEntity<Map<String, Object>> emailCredentials(@PathVariable long id) {
		return accepted(id, "email_credentials", services::emailCredentials);
	}

	/** The service's plan changes, newest first. */
	@GetMapping("/{id}/plan-changes")
	List<ServicesApiController.PlanChangeJson> planChanges(@PathVariable long id) {
		services.require(id);
		return planChanges.historyOf(id).stream().map(ServicesApiController.PlanChangeJson::from).toList();
	}

	/** Applies a failed plan change again through its job (202; 409 unless failed). */
	@PostMapping("/{id}/plan-changes/{changeId}/retry")
	ResponseEntity<ServicesApiController.PlanChangeJson> retryPlanChange(@PathVariable long id,
			@PathVariable long changeId) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(ServicesApiController.PlanChangeJson.from(release.retry(id, changeId)));
	}

	/**
	 * Cancels a plan change waiting for payment (its invoice cancelled) or failed (a paid
	 * invoice refunded to credit); 409 otherwise.
	 */
	@PostMapping("/{id}/plan-changes/{changeId}/cancel")
	ServicesApiController.PlanChangeJson cancelPlanChange(@PathVariable long id, @PathVariable long changeId) {
		return ServicesApiController.PlanChangeJson.from(release.cancelByAdmin(id, changeId));
	}

	private ResponseEntity<Map<String, Object>> accepted(long id, String action, LongConsumer command) {
		command.accept(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", id, "action", action, "status", services.require(id).status().wire()));
	}

	private static ServiceStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return States.parse(ServiceStatus.class, value)
			.orElseThrow(() -> new InvalidInputException("status", "provisioning.status.invalid",
					"Unknown status: " + value));
	}

}
