package org.hostwright.platform;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Parses and normalises phone numbers with libphonenumber. Numbers without a country code
 * are read in the default region ({@code HOSTWRIGHT_DEFAULT_REGION}, Tanzania unless
 * set).
 */
@Component
public class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final String defaultRegion;

	PhoneNumbers(@Value("${hostwright.default-region}") String defaultRegion) {
		this.defaultRegion = defaultRegion;
	}

	public String defaultRegion() {
		return defaultRegion;
	}

	/**
	 * The parsed number when it is a valid number, in the default region unless it has a
	 * country code.
	 */
	public Optional<PhoneNumber> parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(raw.trim(), defaultRegion);
			return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
		}
		catch (NumberParseException ex) {
			return Optional.empty();
		}
	}

	/** E.164 form ({@code +255712345678}) of a valid number. */
	public Optional<String> toE164(String raw) {
		return parse(raw).map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164));
	}

	public static String e164(PhoneNumber number) {
		return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
	}

}
