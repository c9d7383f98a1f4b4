package org.hostwright.agency;

import java.util.List;

/**
 * A prospect as submitted by the API or the form; every field optional, checked by
 * {@link Prospects}.
 */
record ProspectInput(String domain, String businessName, String contactName, String contactEmail, String contactPhone,
		String notes, Integer score, List<String> scoreReasons, String status) {
}
