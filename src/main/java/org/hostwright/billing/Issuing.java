package org.hostwright.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.billing.InvoiceStore.NewInvoice;
import org.hostwright.billing.TaxRule.LineAmounts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one invoice: taxes each line by the customer's country, snapshots both parties,
 * takes the next number of the year from the locked counter, and uses the customer's
 * credit when the setting says so, all in the caller's transaction.
 */
@Component
class Issuing {

	private final InvoiceStore invoices;

	private final InvoiceNumbers numbers;

	private final Profiles profiles;

	private final TaxRates taxRates;

	private final SettingsStore settings;

	private final Accounts accounts;

	private final Cashier cashier;

	private final BusinessCalendar calendar;

	private final Clock clock;

	Issuing(InvoiceStore invoices, InvoiceNumbers numbers, Profiles profiles, TaxRates taxRates, SettingsStore settings,
			Accounts accounts, Cashier cashier, BusinessCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.invoices = invoices;
		this.numbers = numbers;
		this.profiles = profiles;
		this.taxRates = taxRates;
		this.settings = settings;
		this.accounts = accounts;
		this.cashier = cashier;
		this.clock = clock;
	}

	@Transactional
	long issue(long customerId, String currency, LocalDate dueDate, List<LineDraft> drafts, Long orderId) {
		Account customer = accounts.require(customerId);
		BillingSettings s = settings.current();
		Profiles.Profile profile = profiles.lock(customer);
		TaxRule rule = new TaxRule(profile.taxExempt() ? 0 : taxRates.rateOf(profile.country()), s.pricesIncludeTax());
		List<Invoice.Line> lines = new ArrayList<>();
		long subtotal = 0;
		long tax = 0;
		long total = 0;
		for (LineDraft d : drafts) {
			LineAmounts a = rule.of(Math.multiplyExact(d.unitPriceMinor(), (long) d.quantity()));
			lines.add(new Invoice.Line(d.description(), d.serviceKind(), d.serviceId(), d.periodStart(), d.periodEnd(),
					d.quantity(), d.unitPriceMinor(), rule.rateBp(), a.tax(), a.total()));
			subtotal += a.net();
			tax += a.tax();
			total += a.total();
		}
		Instant now = Instant.now(clock);
		long id = invoices.insert(
				new NewInvoice(customerId, currency, subtotal, tax, total, now, dueDate, orderId, s.pricesIncludeTax(),
						new Invoice.Party(customer.name(), customer.email(), null, profile.country(), profile.taxId()),
						new Invoice.Party(s.businessName(), null, s.businessAddress(), null, s.businessTaxId())));
		for (int i = 0; i < lines.size(); i++) {
			invoices.insertLine(id, i + 1, lines.get(i));
		}
		// credit is looked up first (the profile lock keeps it as it is): once the
		// number is taken, the year's counter is locked until the commit and every other
		// issue waits, so only what needs the number (the settlement's texts) comes
		// after it, and for a customer without credit nothing does
		boolean useCredit = total > 0 && s.applyCredit() && cashier.hasCredit(customerId, currency);
		numbers.numberInvoice(id, calendar.today().getYear(), s.invoicePrefix());
		if (total == 0) {
			cashier.settleFree(id, now);
		}
		else if (useCredit) {
			cashier.applyCredit(id, customerId, currency, now);
		}
		return id;
	}

}
