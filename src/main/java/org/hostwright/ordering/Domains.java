package org.hostwright.ordering;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hostwright.platform.InvalidInputException;

/**
 * Domain names as customers type them ("Café.co.tz.", "https://www.example.com/") normalised to what
 * a control panel accepts: punycode (IDN), lower case, no trailing dot, every label valid.
 */
final class Domains {

	private static final Pattern LABEL = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$");

	private static final Pattern TLD = Pattern.compile("^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$");

	private Domains() {
	}

	/** The normalised domain, or null when none was given. */
	static String normalise(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String d = raw.strip().replaceFirst("(?i)^https?://", "");
		int slash = d.indexOf('/');
		d = slash >= 0 ? d.substring(0, slash) : d;
		d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
		String ascii;
		try {
			ascii = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (RuntimeException ex) {
			// IDN throws more than IllegalArgumentException on malformed Unicode (lone surrogates)
			throw invalid();
		}
		String[] labels = ascii.split("\\.", -1);
		if (ascii.length() > 253 || labels.length < 2 || !TLD.matcher(labels[labels.length - 1]).matches()) {
			throw invalid();
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches() || (label.length() > 3 && label.charAt(2) == '-' && label.charAt(3) == '-'
					&& !label.startsWith("xn--"))) {
				throw invalid();
			}
		}
		return ascii;
	}

	private static InvalidInputException invalid() {
		return new InvalidInputException("domain", "ordering.domain.invalid", "Enter a domain name such as example.co.tz.");
	}

}
