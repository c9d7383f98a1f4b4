package org.hostwright.platform.web;

import java.io.Serializable;
import java.util.Locale;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown at the top of the next page (after a redirect). The text is a
 * message-bundle key so every language can translate it.
 */
public record Flash(Level level, String code, Object[] args) implements Serializable {

	public enum Level {

		SUCCESS, INFO, WARNING, DANGER;

		public String css() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public static void success(RedirectAttributes ra, String code, Object... args) {
		ra.addFlashAttribute("flash", new Flash(Level.SUCCESS, code, args));
	}

	public static void info(RedirectAttributes ra, String code, Object... args) {
		ra.addFlashAttribute("flash", new Flash(Level.INFO, code, args));
	}

	public static void warning(RedirectAttributes ra, String code, Object... args) {
		ra.addFlashAttribute("flash", new Flash(Level.WARNING, code, args));
	}

	public static void error(RedirectAttributes ra, String code, Object... args) {
		ra.addFlashAttribute("flash", new Flash(Level.DANGER, code, args));
	}

}
