package org.hostwright.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.SandboxMode;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the brand, the sandbox marker, the current path for the
 * nav.
 */
@ControllerAdvice(annotations = PageController.class, assignableTypes = ErrorController.class)
class ChromeAdvice {

	private final SandboxMode sandbox;

	private final PlatformProperties properties;

	private final java.time.Clock clock;

	ChromeAdvice(SandboxMode sandbox, PlatformProperties properties, java.time.Clock clock) {
		this.sandbox = sandbox;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The sandbox clock's date when an admin moved it forward (the bar shows it), else
	 * null.
	 */
	@ModelAttribute("sandboxDate")
	java.time.LocalDate sandboxDate() {
		if (clock instanceof org.hostwright.platform.SandboxClock shifted && !shifted.offset().isZero()) {
			return java.time.LocalDate.now(clock.withZone(properties.timeZone()));
		}
		return null;
	}

	@ModelAttribute("sandbox")
	boolean sandbox() {
		return sandbox.enabled();
	}

	@ModelAttribute("brandName")
	String brandName() {
		return properties.brandName();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
