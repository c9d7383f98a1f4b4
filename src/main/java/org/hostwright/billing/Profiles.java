package org.hostwright.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.hostwright.accounts.Account;
import org.hostwright.platform.PhoneNumbers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing_profiles table. A customer's profile is created the first time it is
 * billed, its country taken from the customer's phone (or the home region); its row is
 * the lock that keeps two invoices from spending the same credit.
 */
@Repository
class Profiles {

	record Profile(long customerId, String country, String taxId, boolean taxExempt) {
	}

	private final JdbcClient jdbc;

	private final PhoneNumbers phones;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	Profiles(JdbcClient jdbc, PhoneNumbers phones, Clock clock, PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.jdbc = jdbc;
		this.phones = phones;
		this.clock = clock;
	}

	/** The profile, created when missing, locked for the rest of the transaction. */
	Profile lock(Account customer) {
		ensure(customer);
		return jdbc.sql(
				"SELECT customer_id, country, tax_id, tax_exempt FROM billing_profiles WHERE customer_id = ? FOR UPDATE")
			.param(customer.id())
			.query((rs, n) -> new Profile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
			.single();
	}

	void ensure(Account customer) {
		if (jdbc.sql("SELECT COUNT(*) FROM billing_profiles WHERE customer_id = ?")
			.param(customer.id())
			.query(Integer.class)
			.single() > 0) {
			return;
		}
		// under a savepoint of the caller's transaction: it sees a customer created in
		// that same
		// transaction (checkout), and two first invoices of a customer race harmlessly
		// (on PostgreSQL a
		// duplicate key rolls back to the savepoint instead of aborting the caller's
		// transaction)
		try {
			savepoint.executeWithoutResult(s -> jdbc.sql(
					"INSERT INTO billing_profiles (customer_id, country, tax_exempt, updated_at) VALUES (?, ?, FALSE, ?)")
				.params(customer.id(), countryOf(customer.phone()), Timestamp.from(Instant.now(clock)))
				.update());
		}
		catch (DuplicateKeyException ex) {
			// created by a concurrent transaction a moment ago
		}
	}

	void update(long customerId, String country, String taxId, boolean exempt) {
		jdbc.sql(
				"UPDATE billing_profiles SET country = ?, tax_id = ?, tax_exempt = ?, updated_at = ? WHERE customer_id = ?")
			.params(country, taxId, exempt, Timestamp.from(Instant.now(clock)), customerId)
			.update();
	}

	private String countryOf(String phone) {
		return phones.parse(phone)
			.map(p -> PhoneNumberUtil.getInstance().getRegionCodeForNumber(p))
			.filter(r -> r != null && r.length() == 2)
			.orElse(phones.defaultRegion());
	}

}
