package org.hostwright.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The two homes: the admin console and the customer dashboard. */
@Controller
class HomeController {

	@GetMapping("/admin")
	String admin() {
		return "admin/dashboard";
	}

	@GetMapping("/dashboard")
	String dashboard() {
		return "customer/dashboard";
	}

}
