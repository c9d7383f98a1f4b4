package org.hostwright.billing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.hostwright.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tax_rates table: one rate per customer country, in basis points. */
@Repository
class TaxRates {

	private final JdbcClient jdbc;

	private final Clock clock;

	TaxRates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Country → basis points, sorted by country. */
	Map<String, Integer> all() {
		Map<String, Integer> rates = new LinkedHashMap<>();
		jdbc.sql("SELECT country, rate_bp FROM tax_rates ORDER BY country").query(rs -> {
			rates.put(rs.getString(1), rs.getInt(2));
		});
		return rates;
	}

	int rateOf(String country) {
		if (country == null) {
			return 0;
		}
		return jdbc.sql("SELECT rate_bp FROM tax_rates WHERE country = ?")
			.param(country)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	void put(String country, int rateBp) {
		Timestamp now = Timestamp.from(Instant.now(clock));
		if (jdbc.sql("UPDATE tax_rates SET rate_bp = ?, updated_at = ? WHERE country = ?")
			.params(rateBp, now, country)
			.update() == 0) {
			jdbc.sql("INSERT INTO tax_rates (country, rate_bp, updated_at) VALUES (?, ?, ?)")
				.params(country, rateBp, now)
				.update();
		}
	}

	void remove(String country) {
		jdbc.sql("DELETE FROM tax_rates WHERE country = ?").param(country).update();
	}

	/**
	 * Reads {@code TZ:18,LU:17.5} into country → basis points; a bad entry is a 400
	 * naming the field.
	 */
	static Map<String, Integer> parse(String list, String field) {
		Map<String, Integer> rates = new LinkedHashMap<>();
		if (list == null || list.isBlank()) {
			return rates;
		}
		for (String entry : list.split("[,;\\s]+")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.split(":");
			try {
				String country = country(parts[0]);
				BigDecimal percent = new BigDecimal(parts[1].strip());
				if (parts.length != 2 || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0
						|| percent.scale() > 2) {
					throw new NumberFormatException();
				}
				rates.put(country, percent.movePointRight(2).intValueExact());
			}
			catch (RuntimeException ex) {
				throw new InvalidInputException(field, "billing.taxRates.invalid",
						"Write tax rates as country:percent, e.g. TZ:18,LU:17 (0 to 99.99).");
			}
		}
		return rates;
	}

	static String country(String raw) {
		String c = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
		if (!c.matches("[A-Z]{2}")) {
			throw new IllegalArgumentException("country");
		}
		return c;
	}

}
