package org.hostwright.billing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxRuleTests {

	@Test
	void inclusivePricesKeepTheirTotalAndShowTheTaxInside() {
		var a = new TaxRule(1800, true).of(10_000);
		assertThat(a.total()).isEqualTo(10_000);
		assertThat(a.net()).isEqualTo(8_475);
		assertThat(a.tax()).isEqualTo(1_525);
	}

	@Test
	void exclusivePricesAddTheTaxRoundedHalfUp() {
		var a = new TaxRule(1700, false).of(2_950);
		assertThat(a.net()).isEqualTo(2_950);
		assertThat(a.tax()).isEqualTo(502);
		assertThat(a.total()).isEqualTo(3_452);
		assertThat(new TaxRule(0, false).of(999).tax()).isZero();
	}

	@Test
	void taxRateListsAreReadAsBasisPointsAndBadOnesRefused() {
		assertThat(TaxRates.parse("TZ:18,lu:17.5", "f")).containsEntry("TZ", 1800).containsEntry("LU", 1750);
		assertThat(TaxRates.parse("", "f")).isEmpty();
		assertThatThrownBy(() -> TaxRates.parse("TZ=18", "f")).hasMessageContaining("country:percent");
		assertThatThrownBy(() -> TaxRates.parse("TZA:18", "f")).hasMessageContaining("country:percent");
		assertThatThrownBy(() -> TaxRates.parse("TZ:100", "f")).hasMessageContaining("country:percent");
	}

	@Test
	void numbersArePrefixYearAndSixDigits() {
		assertThat(InvoiceNumbers.format("INV-", 2026, 1)).isEqualTo("INV-2026-000001");
	}

}
