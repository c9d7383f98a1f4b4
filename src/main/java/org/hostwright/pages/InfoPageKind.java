package org.hostwright.pages;

import java.util.Optional;

import org.hostwright.platform.States;

/** The information pages there are; the wire form is the page's path ({@code /terms}). */
enum InfoPageKind {

	TERMS, PRIVACY, CONTACT;

	public String slug() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static Optional<InfoPageKind> fromSlug(String slug) {
		return States.parse(InfoPageKind.class, slug);
	}

}
