package org.hostwright.agency;

/**
 * Business and contact details of a hosted site, as the API body or the form submits
 * them.
 */
record SiteInput(String businessName, String contactName, String contactEmail, String contactPhone,
		String internalNotes, String proposalNotes) {
}
