package org.hostwright.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.EmailTakenException;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.DomainNames;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.LanguagePreferences;
import org.hostwright.platform.Links;
import org.hostwright.platform.Money;
import org.hostwright.platform.PhoneNumbers;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a checkout into a pending order: the phone must be a mobile number of the home
 * region (stored in E.164), the domain is normalised, a visitor's account is created in
 * the same transaction (an e-mail that already has an account must sign in first: an
 * order is never attached to someone else's account), and the "order received" e-mail is
 * queued with it.
 */
@Service
class Checkout {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private final Catalog catalog;

	private final Orders orders;

	private final Accounts accounts;

	private final PhoneNumbers phones;

	private final Mailer mailer;

	private final Links links;

	private final LanguagePreferences languages;

	Checkout(Catalog catalog, Orders orders, Accounts accounts, PhoneNumbers phones, Mailer mailer, Links links,
			LanguagePreferences languages) {
		this.catalog = catalog;
		this.orders = orders;
		this.accounts = accounts;
		this.phones = phones;
		this.mailer = mailer;
		this.links = links;
		this.languages = languages;
	}

	record Details(Plan plan, String phone, String domain) {
	}

	record Placed(OrderView order, Account account) {
	}

	/** A visitor's checkout: creates the account, then the order. */
	@Transactional
	Placed asVisitor(String planSlug, String name, String email, String phone, String domain, String password) {
		// the account's fields and the order's, checked together: every problem at once
		List<FieldProblem> problems = new ArrayList<>(
				accounts.problemsOf(NewAccount.customer(name, email, null, password)));
		Details details;
		try {
			details = validate(planSlug, phone, domain);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
			throw new InvalidInputException(problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (accounts.emailInUse(email)) {
			throw new EmailTakenException();
		}
		Account account = accounts.register(NewAccount.customer(name, email, details.phone(), password));
		// the language of the page the visitor ordered on becomes the new customer's
		// choice
		languages.remember(account.id(), LocaleContextHolder.getLocale());
		return new Placed(place(account, details), account);
	}

	/** A signed-in customer's checkout. */
	@Transactional
	OrderView asCustomer(long customerId, String planSlug, String phone, String domain) {
		Details details = validate(planSlug, phone, domain);
		return place(accounts.require(customerId), details);
	}

	Plan plan(String slug) {
		return catalog.findBySlug(slug == null ? "" : slug.strip())
			.filter(Plan::active)
			.orElseThrow(() -> new InvalidInputException("planSlug", "ordering.plan.unavailable",
					"This plan is not on sale."));
	}

	private OrderView place(Account account, Details d) {
		OrderView order = orders.place(new PlaceOrder(account.id(), d.plan().id(), d.phone(), d.domain(), "checkout"));
		mailer.send(account.email(), "order-received",
				Map.of("name", account.name(), "planName", order.planName(), "price",
						Money.of(order.priceMinor(), order.currency()), "orderUuid", order.uuid().toString(),
						"orderUrl", links.url("/order/" + order.uuid())));
		return order;
	}

	/**
	 * Checks plan, phone and domain together so the customer sees every problem at once.
	 */
	Details validate(String planSlug, String phone, String domain) {
		List<FieldProblem> problems = new ArrayList<>();
		Plan plan = null;
		try {
			plan = plan(planSlug);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
		}
		String e164 = null;
		try {
			e164 = mobile(phone);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.fields());
		}
		String normalisedDomain = null;
		if (domain != null && !domain.isBlank()) {
			normalisedDomain = DomainNames.normalise(domain).orElse(null);
			if (normalisedDomain == null) {
				problems.add(new FieldProblem("domain", "ordering.domain.invalid",
						"Enter a domain name such as example.co.tz."));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Details(plan, e164, normalisedDomain);
	}

	/** E.164 of a valid mobile number in the home region (mobile money needs one). */
	String mobile(String raw) {
		if (raw == null || raw.isBlank()) {
			throw new InvalidInputException("phone", "ordering.phone.required",
					"Enter the mobile number that will pay.");
		}
		PhoneNumber number = phones.parse(raw)
			.orElseThrow(() -> new InvalidInputException("phone", "ordering.phone.invalid",
					"Enter a valid mobile number, e.g. 0712 345 678 or +255 712 345 678."));
		PhoneNumberType type = UTIL.getNumberType(number);
		boolean mobile = type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
		if (!mobile || !phones.defaultRegion().equalsIgnoreCase(UTIL.getRegionCodeForNumber(number))) {
			throw new InvalidInputException("phone", "ordering.phone.notMobile",
					"Enter a mobile-money number from your home network, e.g. 0712 345 678.");
		}
		return PhoneNumbers.e164(number);
	}

}
