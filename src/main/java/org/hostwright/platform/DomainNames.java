package org.hostwright.platform;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.common.net.InternetDomainName;

/**
 * The one domain-name rule. Customers type domains as they see them ("Café.co.tz.",
 * "https://www.example.com/shop", "example.com:8080"); what is kept is the registrable
 * host a control panel and a DNS zone accept: lower case, punycode (IDN), no scheme, no
 * leading {@code www.}, no path, port or trailing dot, every label a letter-digit-hyphen
 * label (no leading or trailing hyphen, no {@code --} in third and fourth place unless it
 * is an {@code xn--} label), and under a public suffix known to Guava's copy of the
 * Public Suffix List, so a bare suffix ({@code co.tz}) or an unknown top level
 * ({@code example.c0m}) is refused.
 */
public final class DomainNames {

	/** Longer input is not a domain; refusing it early keeps IDN conversion cheap. */
	private static final int MAX_INPUT = 1024;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");

	private DomainNames() {
	}

	/**
	 * The normalised domain, or empty when the text is blank or not a valid registrable
	 * domain name.
	 */
	public static Optional<String> normalise(String raw) {
		if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT) {
			return Optional.empty();
		}
		String d = raw.strip().toLowerCase(Locale.ROOT);
		d = SCHEME.matcher(d).replaceFirst("");
		d = cutAt(d, '/');
		d = cutAt(d, '?');
		d = cutAt(d, '#');
		d = cutAt(d, ':');
		if (d.endsWith(".")) {
			d = d.substring(0, d.length() - 1);
		}
		String ascii = toAscii(d);
		if (ascii == null) {
			return Optional.empty();
		}
		if (ascii.startsWith("www.")) {
			ascii = ascii.substring(4);
		}
		return valid(ascii) ? Optional.of(ascii) : Optional.empty();
	}

	/** True when the text normalises to a domain name. */
	public static boolean isValid(String raw) {
		return normalise(raw).isPresent();
	}

	private static String cutAt(String d, char c) {
		int at = d.indexOf(c);
		return at >= 0 ? d.substring(0, at) : d;
	}

	/**
	 * Punycode, lower case; null for malformed or over-long Unicode (the JDK reports
	 * those by throwing).
	 */
	private static String toAscii(String d) {
		try {
			return IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * An {@code xn--} label is valid only when it is real punycode that converts back to
	 * itself.
	 */
	private static boolean decodes(String label) {
		String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
		return !unicode.equals(label) && label.equals(toAscii(unicode));
	}

	private static boolean valid(String ascii) {
		if (ascii.isEmpty() || ascii.length() > 253) {
			return false;
		}
		for (String label : ascii.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
			boolean reservedHyphens = label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-';
			if (reservedHyphens && !(label.startsWith("xn--") && decodes(label))) {
				return false;
			}
		}
		if (!InternetDomainName.isValid(ascii)) {
			return false;
		}
		InternetDomainName name = InternetDomainName.from(ascii);
		return name.isUnderPublicSuffix();
	}

}
