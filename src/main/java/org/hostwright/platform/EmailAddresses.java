package org.hostwright.platform;

import java.util.Locale;

import org.hibernate.validator.internal.constraintvalidators.bv.EmailValidator;

/**
 * The one e-mail rule: Hibernate Validator's {@code @Email} check (the one bean
 * validation applies to request bodies), at most 254 characters (RFC 5321's path limit),
 * and a dot in the domain so a typo such as {@code neema@gmail} is caught. Stored
 * addresses are lower case.
 */
public final class EmailAddresses {

	public static final int MAX_LENGTH = 254;

	private static final EmailValidator VALIDATOR = new EmailValidator();

	private EmailAddresses() {
	}

	public static boolean isValid(String address) {
		if (address == null || address.isBlank() || address.length() > MAX_LENGTH) {
			return false;
		}
		int at = address.lastIndexOf('@');
		return at > 0 && address.indexOf('.', at) > at + 1 && !address.endsWith(".")
				&& VALIDATOR.isValid(address, null);
	}

	/** Stripped and lower case, the form stored and compared. */
	public static String normalise(String address) {
		return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
	}

}
