package org.hostwright.agency;

import org.hostwright.platform.AuthenticatedUser;
import org.hostwright.platform.web.PageController;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My website" in the customer area: the client's websites and services, under the
 * agency's brand.
 */
@PageController
class ClientAreaController {

	private final ClientArea area;

	ClientAreaController(ClientArea area) {
		this.area = area;
	}

	@GetMapping("/me/website")
	String mySites(@AuthenticationPrincipal AuthenticatedUser me, Model model) {
		model.addAttribute("clientSites", area.sitesOf(me.id()));
		return "agency/my-website";
	}

}
