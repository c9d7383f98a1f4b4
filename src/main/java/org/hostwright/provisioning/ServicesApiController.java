package org.hostwright.provisioning;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hostwright.accounts.AccountUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The customer's services over the JSON API. */
@RestController
@RequestMapping("/api/me/services")
class ServicesApiController {

	private final HostingServices services;

	ServicesApiController(HostingServices services) {
		this.services = services;
	}

	record ServiceJson(long id, UUID orderUuid, String domain, String planSlug, String status, String panelUsername,
			Instant createdAt, Instant lastProvisionedAt) {

		static ServiceJson from(HostingService s) {
			return new ServiceJson(s.id(), s.orderUuid(), s.domain(), s.planSlug(), s.status().wire(), s.panelUsername(),
					s.createdAt(), s.lastProvisionedAt());
		}

	}

	@GetMapping
	List<ServiceJson> list(@AuthenticationPrincipal AccountUser me) {
		return services.ofCustomer(me.id()).stream().map(ServiceJson::from).toList();
	}

	@GetMapping("/{id}")
	ServiceJson show(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		return ServiceJson.from(services.requireOwned(id, me.id()));
	}

	/** 302 to a one-time sign-in URL of the control panel. */
	@GetMapping("/{id}/sso")
	ResponseEntity<Void> sso(@PathVariable long id, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(services.singleSignOn(id, me.id()))).build();
	}

	/** "Finish setup" for a paid order without a service. */
	@PostMapping("/provision/{orderUuid}")
	ResponseEntity<ServiceJson> provision(@PathVariable UUID orderUuid, @AuthenticationPrincipal AccountUser me) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(ServiceJson.from(services.finishSetup(orderUuid, me.id())));
	}

}
