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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's hosted-site API under {@code /api/admin/hosting/sites}: CRUD and the
 * lifecycle actions.
 */
@RestController
@RequestMapping("/api/admin/hosting/sites")
class HostedSiteApiController {

	private final HostedSites sites;

	private final HostedSitePipeline pipeline;

	HostedSiteApiController(HostedSites sites, HostedSitePipeline pipeline) {
		this.sites = sites;
		this.pipeline = pipeline;
	}

	record SitePage(List<SiteView> items, long total, int page, int size) {
	}

	record ProposalRequest(String notes) {
	}

	record AcceptRequest(Long merchantId) {
	}

	record GoLiveRequest(String domain) {
	}

	/**
	 * Newest first; {@code status} filters, {@code q} (or {@code search}) matches names,
	 * e-mail and domains.
	 */
	@GetMapping
	SitePage list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String search, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		int p = Math.max(1, page);
		int s = Math.max(1, Math.min(size, 100));
		var result = sites.search(status, q != null ? q : search, p, s);
		return new SitePage(sites.views(result.items()), result.total(), p, s);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SiteView create(@RequestBody SiteInput body) {
		return sites.view(sites.create(body));
	}

	@PostMapping("/from-prospect/{prospectId}")
	@ResponseStatus(HttpStatus.CREATED)
	SiteView fromProspect(@PathVariable long prospectId) {
		return sites.view(sites.createFromProspect(prospectId));
	}

	@GetMapping("/{id}")
	SiteView get(@PathVariable long id) {
		return sites.view(sites.require(id));
	}

	@PutMapping("/{id}")
	SiteView update(@PathVariable long id, @RequestBody SiteInput body) {
		return sites.view(sites.update(id, body));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		sites.delete(id);
	}

	@PostMapping("/{id}/mark-poc-ready")
	SiteView markPocReady(@PathVariable long id) {
		return sites.view(pipeline.markPocReady(id));
	}

	@PostMapping("/{id}/send-proposal")
	SiteView sendProposal(@PathVariable long id, @RequestBody(required = false) ProposalRequest body) {
		return sites.view(pipeline.sendProposal(id, body == null ? null : body.notes()));
	}

	/**
	 * {@code {}} creates the client's account (its temporary password is in this answer
	 * only); {@code {merchant_id}} links one.
	 */
	@PostMapping("/{id}/accept")
	SiteView accept(@PathVariable long id, @RequestBody(required = false) AcceptRequest body) {
		var accepted = pipeline.accept(id, body == null ? null : body.merchantId());
		return sites.view(accepted.site(), accepted.temporaryPassword());
	}

	@PostMapping("/{id}/go-live")
	SiteView goLive(@PathVariable long id, @RequestBody(required = false) GoLiveRequest body) {
		return sites.view(pipeline.goLive(id, body == null ? null : body.domain()));
	}

	@PostMapping("/{id}/suspend")
	SiteView suspend(@PathVariable long id) {
		return sites.view(pipeline.suspend(id));
	}

	@PostMapping("/{id}/reactivate")
	SiteView reactivate(@PathVariable long id) {
		return sites.view(pipeline.reactivate(id));
	}

	@PostMapping("/{id}/cancel")
	SiteView cancel(@PathVariable long id) {
		return sites.view(pipeline.cancel(id));
	}

}
