package org.hostwright.notifications;

import java.util.Map;

/**
 * The brand an e-mail is sent under when it is not the platform's own (an agency writing
 * to its clients): the layout shows this name and colour instead of the platform's.
 */
public record MailBrand(String name, String color) {

	static final String NAME = "brandName";

	static final String COLOR = "brandColor";

	public MailBrand {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a mail brand needs a name");
		}
		if (color == null || !color.matches("^#[0-9a-fA-F]{6}$")) {
			throw new IllegalArgumentException("a mail brand colour looks like #0d9488");
		}
	}

	/**
	 * Adds the brand to a template model (the layout reads {@code brandName} and
	 * {@code brandColor}).
	 */
	public Map<String, Object> into(Map<String, Object> model) {
		model.put(NAME, name);
		model.put(COLOR, color);
		return model;
	}

}
