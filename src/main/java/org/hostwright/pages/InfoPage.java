package org.hostwright.pages;

import java.time.Instant;

/**
 * One information page as written by an admin; {@code updatedAt} is null for a page still
 * at its default.
 */
record InfoPage(InfoPageKind kind, String title, String body, Instant updatedAt, String updatedBy) {

	public boolean isDefault() {
		return updatedAt == null;
	}

}
