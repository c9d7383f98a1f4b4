package org.hostwright.agency;

import org.hostwright.platform.NotFoundException;
import org.hostwright.sites.Websites;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public POC viewer: the website in a frame under the agency's banner, only while the site is
 * {@code poc_ready} or {@code proposal_sent}; any other status (or an unknown id) is a 404.
 */
@Controller
class PocPreviewController {

	private final HostedSiteRepository repository;

	private final Websites websites;

	private final AgencyProperties agency;

	PocPreviewController(HostedSiteRepository repository, Websites websites, AgencyProperties agency) {
		this.repository = repository;
		this.websites = websites;
		this.agency = agency;
	}

	@GetMapping("/hosting/sites/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		HostedSite site = repository.find(id).filter(HostedSite::previewable)
			.orElseThrow(() -> new NotFoundException("preview"));
		model.addAttribute("site", site);
		model.addAttribute("frameUrl", websites.require(site.storeId()).platformPath());
		model.addAttribute("agencyName", agency.brandName());
		model.addAttribute("agencyColor", agency.brandColor());
		return "agency/preview";
	}

}
