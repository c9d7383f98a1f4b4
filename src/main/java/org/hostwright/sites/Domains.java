package org.hostwright.sites;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates and normalises a client's domain name (lower case, no scheme, no trailing dot, IDN as punycode). */
public final class Domains {

	private static final Pattern LABEL = Pattern.compile("^(?!-)[a-z0-9-]{1,63}(?<!-)$");

	private Domains() {
	}

	/** The normalised domain, or empty when the text is not a valid fully qualified host name. */
	public static Optional<String> normalise(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String d = raw.trim().toLowerCase(Locale.ROOT);
		d = d.replaceFirst("^https?://", "");
		if (d.endsWith("/")) {
			d = d.substring(0, d.length() - 1);
		}
		if (d.endsWith(".")) {
			d = d.substring(0, d.length() - 1);
		}
		try {
			d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES);
		}
		catch (RuntimeException ex) {
			// IDN throws more than IllegalArgumentException on malformed Unicode (lone surrogates)
			return Optional.empty();
		}
		if (d.length() > 253 || !d.contains(".")) {
			return Optional.empty();
		}
		String[] labels = d.split("\\.", -1);
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		// the top-level label is never all digits (rules out IP addresses)
		return labels[labels.length - 1].matches("\\d+") ? Optional.empty() : Optional.of(d);
	}

}
