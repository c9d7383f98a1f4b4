package org.hostwright.sites;

/** A website's editable settings (everything but its pages). */
public record WebsiteSettings(String name, String logoUrl, String primaryColor, String theme, String tagline,
		String contactEmail, String contactPhone, String contactAddress, Long homePageId) {

	public static WebsiteSettings of(Website w) {
		return new WebsiteSettings(w.name(), w.logoUrl(), w.primaryColor(), w.theme(), w.tagline(), w.contactEmail(),
				w.contactPhone(), w.contactAddress(), w.homePageId());
	}

}
