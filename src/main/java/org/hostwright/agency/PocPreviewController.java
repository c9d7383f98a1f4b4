package org.hostwright.agency;

import java.util.List;
import java.util.Optional;

import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.PageController;
import org.hostwright.sites.Websites;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public POC viewer, reached only through the site's unguessable token: the website
 * in a frame under the agency's banner while the site is {@code poc_ready} or
 * {@code proposal_sent} (else 404), and, once the proposal is sent, the proposal itself
 * (notes, services and prices, terms) with an Accept button. Accepting goes through
 * {@link HostedSitePipeline#accept} exactly as the admin's button does: a signed-in
 * customer is linked, anyone else gets an account made from the contact details on the
 * proposal. The answer is a redirect, so a reload never accepts twice.
 */
@PageController
@RequestMapping(PocPreviewController.BASE + "/{token}")
class PocPreviewController {

	static final String BASE = "/hosting/sites/preview";

	private final HostedSiteRepository repository;

	private final HostedSitePipeline pipeline;

	private final ClientServices services;

	private final Websites websites;

	private final AgencyProperties agency;

	PocPreviewController(HostedSiteRepository repository, HostedSitePipeline pipeline, ClientServices services,
			Websites websites, AgencyProperties agency) {
		this.repository = repository;
		this.pipeline = pipeline;
		this.services = services;
		this.websites = websites;
		this.agency = agency;
	}

	@GetMapping
	String preview(@PathVariable String token, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		HostedSite site = byToken(token).filter(HostedSite::previewable)
			.orElseThrow(() -> new NotFoundException("preview"));
		return page(site, me, model);
	}

	@PostMapping("/accept")
	String accept(@PathVariable String token, @RequestParam(required = false) String terms,
			@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		HostedSite site = byToken(token).orElseThrow(() -> new NotFoundException("preview"));
		if (site.status() != SiteStatus.PROPOSAL_SENT) {
			return accepted(site) ? "redirect:" + BASE + "/" + token + "/accepted" : notFound();
		}
		if (me != null && me.admin()) {
			model.addAttribute("acceptError", "agency.preview.accept.admin");
			return page(site, me, model);
		}
		if (!"on".equals(terms) && !"true".equals(terms)) {
			model.addAttribute("termsError", true);
			return page(site, me, model);
		}
		try {
			pipeline.accept(site.id(), me == null ? null : me.id());
		}
		catch (ConflictException ex) {
			model.addAttribute("acceptError", "agency.accept.emailTaken".equals(ex.code())
					? "agency.preview.accept.signIn" : "agency.preview.accept.failed");
			return page(repository.find(site.id()).orElse(site), me, model);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("acceptError", "agency.preview.accept.failed");
			return page(site, me, model);
		}
		return "redirect:" + BASE + "/" + token + "/accepted";
	}

	/**
	 * After accepting: what happens next (set the password from the e-mail, or open "My
	 * website").
	 */
	@GetMapping("/accepted")
	String acceptedPage(@PathVariable String token, @AuthenticationPrincipal AuthenticatedUser me, Model model) {
		HostedSite site = byToken(token).filter(PocPreviewController::accepted)
			.orElseThrow(() -> new NotFoundException("preview"));
		model.addAttribute("site", site);
		model.addAttribute("signedInClient", me != null && site.merchantId() != null && me.id() == site.merchantId());
		brand(model);
		return "agency/proposal-accepted";
	}

	/**
	 * "Already a customer? Sign in": the sign-in page brings the visitor back here, then
	 * to the proposal.
	 */
	@GetMapping("/sign-in")
	String signIn(@PathVariable String token) {
		return "redirect:" + BASE + "/" + token;
	}

	private String page(HostedSite site, AuthenticatedUser me, Model model) {
		model.addAttribute("site", site);
		model.addAttribute("token", site.previewToken());
		model.addAttribute("frameUrl", websites.require(site.storeId()).platformPath());
		List<ServiceView> offered = services.forSite(site.id()).stream().map(ServiceView::of).toList();
		model.addAttribute("services", offered);
		model.addAttribute("proposal", site.status() == SiteStatus.PROPOSAL_SENT);
		brand(model);
		return "agency/preview";
	}

	private void brand(Model model) {
		model.addAttribute("agencyName", agency.brandName());
		model.addAttribute("agencyColor", agency.brandColor());
	}

	private Optional<HostedSite> byToken(String token) {
		// tokens are 32 url-safe characters; anything else is not worth a query
		if (token == null || !token.matches("^[A-Za-z0-9_-]{20,64}$")) {
			return Optional.empty();
		}
		return repository.findByPreviewToken(token);
	}

	private static boolean accepted(HostedSite site) {
		return site.merchantId() != null && site.status() != SiteStatus.CANCELLED;
	}

	private static String notFound() {
		throw new NotFoundException("preview");
	}

}
