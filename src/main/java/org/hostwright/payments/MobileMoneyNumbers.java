package org.hostwright.payments;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.hostwright.platform.PhoneNumbers;

import org.springframework.stereotype.Component;

/**
 * Which mobile-money service a number belongs to, from libphonenumber's carrier data
 * (which follows the national numbering plan); a small prefix table from the plan is used
 * only where the carrier data has no name. Ported numbers exist, so this is a good guess,
 * not a certainty: the gateway routes the push itself.
 */
@Component
class MobileMoneyNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final PhoneNumberToCarrierMapper CARRIERS = PhoneNumberToCarrierMapper.getInstance();

	/**
	 * National prefixes (without the leading 0) for numbers the carrier data leaves
	 * unnamed.
	 */
	private static final Map<String, MobileMoneyProvider> PREFIXES = Map.ofEntries(
			Map.entry("61", MobileMoneyProvider.HALOPESA), Map.entry("62", MobileMoneyProvider.HALOPESA),
			Map.entry("63", MobileMoneyProvider.HALOPESA), Map.entry("65", MobileMoneyProvider.TIGO_PESA),
			Map.entry("67", MobileMoneyProvider.TIGO_PESA), Map.entry("70", MobileMoneyProvider.TIGO_PESA),
			Map.entry("71", MobileMoneyProvider.TIGO_PESA), Map.entry("77", MobileMoneyProvider.TIGO_PESA),
			Map.entry("66", MobileMoneyProvider.AIRTEL_MONEY), Map.entry("68", MobileMoneyProvider.AIRTEL_MONEY),
			Map.entry("69", MobileMoneyProvider.AIRTEL_MONEY), Map.entry("78", MobileMoneyProvider.AIRTEL_MONEY),
			Map.entry("72", MobileMoneyProvider.MPESA), Map.entry("74", MobileMoneyProvider.MPESA),
			Map.entry("75", MobileMoneyProvider.MPESA), Map.entry("76", MobileMoneyProvider.MPESA),
			Map.entry("79", MobileMoneyProvider.MPESA));

	private final PhoneNumbers phones;

	MobileMoneyNumbers(PhoneNumbers phones) {
		this.phones = phones;
	}

	/**
	 * The provider of a valid Tanzanian mobile number, if it has mobile money we know of.
	 */
	Optional<MobileMoneyProvider> provider(String phone) {
		return tanzanian(phone).flatMap(MobileMoneyNumbers::provider);
	}

	/** The E.164 form of a Tanzanian number, as attempts store it. */
	Optional<String> e164(String phone) {
		return tanzanian(phone).map(PhoneNumbers::e164);
	}

	/** The national form the gateway takes: {@code 0712345678}. */
	Optional<String> national(String phone) {
		return tanzanian(phone).map(n -> "0" + UTIL.getNationalSignificantNumber(n));
	}

	private Optional<PhoneNumber> tanzanian(String phone) {
		return phones.parse(phone).filter(n -> n.getCountryCode() == 255);
	}

	static Optional<MobileMoneyProvider> provider(PhoneNumber number) {
		String carrier = CARRIERS.getNameForNumber(number, Locale.ENGLISH).toLowerCase(Locale.ROOT);
		if (carrier.isEmpty()) {
			String nsn = UTIL.getNationalSignificantNumber(number);
			return Optional.ofNullable(nsn.length() >= 2 ? PREFIXES.get(nsn.substring(0, 2)) : null);
		}
		if (carrier.contains("vodacom")) {
			return Optional.of(MobileMoneyProvider.MPESA);
		}
		if (carrier.contains("tigo") || carrier.contains("yas") || carrier.contains("mixx")
				|| carrier.contains("zantel")) {
			return Optional.of(MobileMoneyProvider.TIGO_PESA);
		}
		if (carrier.contains("airtel")) {
			return Optional.of(MobileMoneyProvider.AIRTEL_MONEY);
		}
		if (carrier.contains("halotel") || carrier.contains("viettel")) {
			return Optional.of(MobileMoneyProvider.HALOPESA);
		}
		// a named operator without a mobile-money service we support (TTCL, Smile)
		return Optional.empty();
	}

}
