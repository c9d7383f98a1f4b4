package org.hostwright.payments;

import org.hostwright.platform.PhoneNumbers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MobileMoneyNumbersTests {

	private final MobileMoneyNumbers numbers = new MobileMoneyNumbers(phones());

	private static PhoneNumbers phones() {
		try {
			var ctor = PhoneNumbers.class.getDeclaredConstructor(String.class);
			ctor.setAccessible(true);
			return ctor.newInstance("TZ");
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void providersComeFromTheCarrierData() {
		assertThat(numbers.provider("+255754123456")).contains(MobileMoneyProvider.MPESA);
		assertThat(numbers.provider("0744000002")).contains(MobileMoneyProvider.MPESA);
		assertThat(numbers.provider("0712345678")).contains(MobileMoneyProvider.TIGO_PESA);
		assertThat(numbers.provider("0652345678")).contains(MobileMoneyProvider.TIGO_PESA);
		assertThat(numbers.provider("0682345678")).contains(MobileMoneyProvider.AIRTEL_MONEY);
		assertThat(numbers.provider("255 782 345 678")).contains(MobileMoneyProvider.AIRTEL_MONEY);
		assertThat(numbers.provider("0622345678")).contains(MobileMoneyProvider.HALOPESA);
	}

	@Test
	void prefixTableOnlyWhereTheCarrierDataHasNoName() {
		assertThat(numbers.provider("0632345678")).contains(MobileMoneyProvider.HALOPESA);
		assertThat(numbers.provider("0702345678")).contains(MobileMoneyProvider.TIGO_PESA);
		// TTCL has a name but no mobile money we take
		assertThat(numbers.provider("0732345678")).isEmpty();
	}

	@Test
	void nationalFormForTheGateway() {
		assertThat(numbers.national("+255712345678")).contains("0712345678");
		assertThat(numbers.national("712 345 678")).contains("0712345678");
		assertThat(numbers.national("+254712345678")).isEmpty();
	}

}
