package org.hostwright.agency;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.platform.AuthenticatedUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The agency client's own websites and services over the JSON API. */
@RestController
@RequestMapping("/api/me/sites")
@Tag(name = "My websites", description = "The websites an agency built for the caller, with their client services")
class ClientSitesApiController {

	private final ClientArea area;

	ClientSitesApiController(ClientArea area) {
		this.area = area;
	}

	record SiteList(List<SiteJson> items) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record SiteJson(long id, String businessName, String status, String liveDomain, List<ServiceJson> services) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ServiceJson(String serviceType, String name, String status, String billingPeriod, long priceCents,
			String currency, Instant expiresAt) {
	}

	@GetMapping
	@Operation(
			summary = "The caller's websites (never anybody else's), each with its services, prices and next renewal")
	SiteList list(@AuthenticationPrincipal AuthenticatedUser me) {
		return new SiteList(area.sitesOf(me.id())
			.stream()
			.map(s -> new SiteJson(s.id(), s.businessName(), s.status(), s.liveDomain(),
					s.services()
						.stream()
						.map(v -> new ServiceJson(v.serviceType(), v.name(), v.status(), v.billingPeriod(),
								v.priceCents(), v.currency(), v.expiresAt()))
						.toList()))
			.toList());
	}

}
