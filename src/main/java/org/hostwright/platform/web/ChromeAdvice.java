package org.hostwright.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.hostwright.platform.PlatformProperties;
import org.hostwright.platform.SandboxMode;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the brand, the sandbox marker, the current path for the
 * nav.
 */
@ControllerAdvice(annotations = Controller.class)
class ChromeAdvice {

	private final SandboxMode sandbox;

	private final PlatformProperties properties;

	ChromeAdvice(SandboxMode sandbox, PlatformProperties properties) {
		this.sandbox = sandbox;
		this.properties = properties;
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
