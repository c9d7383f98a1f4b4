package org.hostwright.agency;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A site's client services and the dashboard stats, under
 * {@code /api/admin/hosting/sites/{id}/services} and {@code /api/admin/hosting/stats}.
 */
@RestController
@RequestMapping("/api/admin/hosting")
class ClientServiceApiController {

	private final ClientServices services;

	private final AgencyStats stats;

	ClientServiceApiController(ClientServices services, AgencyStats stats) {
		this.services = services;
		this.stats = stats;
	}

	@GetMapping("/sites/{siteId}/services")
	List<ServiceView> list(@PathVariable long siteId) {
		return services.forSite(siteId).stream().map(ServiceView::of).toList();
	}

	@PostMapping("/sites/{siteId}/services")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceView create(@PathVariable long siteId, @RequestBody ServiceInput body) {
		return ServiceView.of(services.create(siteId, body));
	}

	@GetMapping("/sites/{siteId}/services/{id}")
	ServiceView get(@PathVariable long siteId, @PathVariable long id) {
		return ServiceView.of(services.require(siteId, id));
	}

	@PutMapping("/sites/{siteId}/services/{id}")
	ServiceView update(@PathVariable long siteId, @PathVariable long id, @RequestBody ServiceInput body) {
		return ServiceView.of(services.update(siteId, id, body));
	}

	@DeleteMapping("/sites/{siteId}/services/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long siteId, @PathVariable long id) {
		services.delete(siteId, id);
	}

	/** Extends the service by one billing period (the Client Services page's "Renew"). */
	@PostMapping("/sites/{siteId}/services/{id}/renew")
	ServiceView renew(@PathVariable long siteId, @PathVariable long id) {
		return ServiceView.of(services.renew(siteId, id));
	}

	@GetMapping("/stats/dashboard")
	AgencyStats.Dashboard dashboard() {
		return stats.dashboard();
	}

}
