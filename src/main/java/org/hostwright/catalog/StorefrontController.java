package org.hostwright.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public landing page. */
@Controller
class StorefrontController {

	@GetMapping("/")
	String home() {
		return "catalog/home";
	}

}
