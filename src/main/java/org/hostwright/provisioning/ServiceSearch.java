package org.hostwright.provisioning;

import org.hostwright.platform.States;

/**
 * The one services search, behind both the admin services page (and its CSV export) and
 * {@code GET /api/admin/services}: a status (its wire form; anything unknown means any)
 * and free text matching part of the domain or the panel username.
 */
public record ServiceSearch(String status, String q) {

	public ServiceSearch {
		q = q == null ? "" : q.strip();
		status = States.parse(ServiceStatus.class, status).map(ServiceStatus::wire).orElse("");
	}

}
