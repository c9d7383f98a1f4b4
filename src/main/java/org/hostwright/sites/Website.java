package org.hostwright.sites;

import java.time.Instant;

/** A client website as other modules see it. */
public record Website(long id, String subdomain, String name, String logoUrl, String primaryColor, String theme,
		String tagline, String contactEmail, String contactPhone, String contactAddress, Long homePageId, Long ownerId,
		String liveDomain, Serving serving, Instant createdAt, Instant updatedAt, boolean published) {

	/** Whether visitors see the site, or the neutral "temporarily unavailable" page. */
	public enum Serving {

		/** Shown to visitors. */
		ONLINE,
		/** Shows the "temporarily unavailable" page (the hosted site is suspended). */
		SUSPENDED,
		/** Not served at all (the hosted site is cancelled). */
		CLOSED

	}

	/**
	 * The path that serves this website on the platform itself (development and the POC
	 * viewer).
	 */
	public String platformPath() {
		return "/sites/" + subdomain + "/";
	}

}
