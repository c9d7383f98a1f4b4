package org.hostwright.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hostwright.accounts.AccountEvents.AccountDeleted;
import org.hostwright.accounts.AccountEvents.AccountRegistered;
import org.hostwright.audit.AuditLog;
import org.hostwright.notifications.MailBrand;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.PhoneNumbers;
import org.hostwright.platform.Links;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.hostwright.platform.EmailAddresses;
import org.hostwright.platform.RandomSecrets;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's API: create, find, update and delete accounts. Every method
 * validates its input and changes nothing when it refuses.
 */
@Service
public class Accounts {

	/**
	 * Temporary passwords avoid look-alike characters (0/O, 1/l/I) so they can be read
	 * out.
	 */
	private static final String TEMPORARY_PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final UserRepository users;

	private final PasswordEncoder encoder;

	private final AccountTokens tokens;

	private final Mailer mailer;

	private final PhoneNumbers phones;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final List<AccountDeletionGuard> deletionGuards;

	private final Links links;

	private final Clock clock;

	Accounts(UserRepository users, PasswordEncoder encoder, AccountTokens tokens, Mailer mailer, PhoneNumbers phones,
			AuditLog audit, ApplicationEventPublisher events, List<AccountDeletionGuard> deletionGuards, Links links,
			Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.tokens = tokens;
		this.mailer = mailer;
		this.phones = phones;
		this.audit = audit;
		this.events = events;
		this.deletionGuards = deletionGuards;
		this.links = links;
		this.clock = clock;
	}

	public Optional<Account> find(long id) {
		return users.findById(id);
	}

	public Account require(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("account"));
	}

	/**
	 * Id → name of these accounts, in one query (lists that show many customers, without
	 * one query per row).
	 */
	public java.util.Map<Long, String> namesOf(java.util.Collection<Long> ids) {
		return users.names(ids);
	}

	/**
	 * The accounts among the ids by id, read together (a deleted one is missing): for a
	 * job that writes to thousands of customers.
	 */
	public Map<Long, Account> findAll(Collection<Long> ids) {
		Map<Long, Account> found = new HashMap<>();
		users.findAll(new java.util.LinkedHashSet<>(ids)).forEach(a -> found.put(a.id(), a));
		return found;
	}

	public Optional<Account> findByEmail(String email) {
		return email == null ? Optional.empty() : users.findByEmail(normaliseEmail(email));
	}

	/**
	 * Customers whose e-mail or name contains {@code text} (at least 2 characters), at
	 * most 20, by e-mail.
	 */
	public List<Account> searchCustomers(String text) {
		if (text == null || text.strip().length() < 2) {
			return List.of();
		}
		return users.searchCustomers(text.strip(), 20);
	}

	/**
	 * The e-mail addresses of the enabled admins, for alerts and digests (at most 100).
	 */
	public List<String> adminEmails() {
		return users.adminEmails();
	}

	/** How many accounts exist (deleted ones not counted), for the admin dashboard. */
	public long count() {
		return users.countNotDeleted();
	}

	/**
	 * Whether an account uses this e-mail (checkout asks an existing customer to sign in
	 * first).
	 */
	public boolean emailInUse(String email) {
		return email != null && users.emailTaken(normaliseEmail(email), null);
	}

	/**
	 * Every problem of a new account's name, e-mail and password at once (a form shows
	 * them together with its own); empty when {@link #register} would take them.
	 */
	public List<InvalidInputException.FieldProblem> problemsOf(NewAccount request) {
		List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
		List<Runnable> checks = List.of(() -> requireName(request.name()), () -> requireEmail(request.email()),
				() -> PasswordPolicy.check("password", request.password()));
		for (Runnable check : checks) {
			try {
				check.run();
			}
			catch (InvalidInputException ex) {
				problems.addAll(ex.fields());
			}
		}
		return problems;
	}

	/**
	 * Creates an account and sends the e-mail verification link.
	 * @throws EmailTakenException when the e-mail is used by another account
	 * @throws InvalidInputException when a field breaks a rule
	 */
	@Transactional
	public Account register(NewAccount request) {
		String email = requireEmail(request.email());
		String name = requireName(request.name());
		String phone = optionalPhone(request.phone());
		PasswordPolicy.check("password", request.password());
		if (users.emailTaken(email, null)) {
			throw new EmailTakenException();
		}
		long id = users.insert(email, name, phone, encoder.encode(request.password()), request.role(), false, now());
		Account account = require(id);
		sendVerification(account);
		events.publishEvent(new AccountRegistered(id, email));
		return account;
	}

	/**
	 * Creates a customer with a temporary password that must be changed at first sign-in
	 * (used when an admin creates an account). The password is returned once, for the
	 * admin to hand over in person; the customer is e-mailed a single-use link to choose
	 * a password, never the password itself.
	 */
	@Transactional
	public TemporaryCredentials createWithTemporaryPassword(String name, String email, String phone) {
		return createWithTemporaryPassword(name, email, phone, null);
	}

	/**
	 * The same, the welcome e-mail sent under {@code brand} (an agency's client) when
	 * given.
	 */
	@Transactional
	public TemporaryCredentials createWithTemporaryPassword(String name, String email, String phone, MailBrand brand) {
		String normalised = requireEmail(email);
		if (users.emailTaken(normalised, null)) {
			throw new EmailTakenException();
		}
		String password = RandomSecrets.fromAlphabet(TEMPORARY_PASSWORD_ALPHABET, 16);
		long id = users.insert(normalised, requireName(name), optionalPhone(phone), encoder.encode(password),
				Role.CUSTOMER, true, now());
		Account account = require(id);
		String token = tokens.issue(id, AccountTokens.Purpose.ACCOUNT_SETUP);
		Map<String, Object> model = new HashMap<>(Map.of("name", account.name(), "email", account.email(),
				"setPasswordUrl", links.url("/password/reset?token=" + token), "loginUrl", links.url("/login")));
		mailer.send(account.email(), "account-created", brand == null ? model : brand.into(model));
		events.publishEvent(new AccountRegistered(id, normalised));
		return new TemporaryCredentials(account, password);
	}

	@Transactional
	public Account updateProfile(long id, String name, String email, String phone) {
		Account current = require(id);
		String newEmail = requireEmail(email);
		if (users.emailTaken(newEmail, id)) {
			throw new InvalidInputException("email", "accounts.email.usedByOther",
					"This e-mail is used by another account.");
		}
		boolean emailChanged = !newEmail.equals(current.email());
		users.updateProfile(id, requireName(name), newEmail, optionalPhone(phone), emailChanged, now());
		Account updated = require(id);
		if (emailChanged) {
			sendVerification(updated);
		}
		return updated;
	}

	@Transactional
	public void changePassword(long id, String currentPassword, String newPassword) {
		String hash = users.passwordHash(id).orElseThrow(() -> new NotFoundException("account"));
		if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
			throw new InvalidInputException("currentPassword", "accounts.password.currentWrong",
					"The current password is not right.");
		}
		PasswordPolicy.check("newPassword", newPassword);
		if (encoder.matches(newPassword, hash)) {
			throw new InvalidInputException("newPassword", "accounts.password.same",
					"Choose a password different from the current one.");
		}
		users.updatePassword(id, encoder.encode(newPassword), false, now());
		// the current actor: the owner, or the admin while impersonating
		audit.record("account.password_changed", "user", id, null);
	}

	/**
	 * Deletes the account (its personal data is erased; orders keep their history),
	 * unless another module refuses, e.g. while the customer has active services.
	 */
	@Transactional
	public void delete(long id, String password) {
		String hash = users.passwordHash(id).orElseThrow(() -> new NotFoundException("account"));
		if (password == null || !encoder.matches(password, hash)) {
			throw new InvalidInputException("password", "accounts.password.currentWrong",
					"The current password is not right.");
		}
		deleteWithoutPassword(id);
	}

	/** Deletion by an admin (no password), with the same guards. */
	@Transactional
	public void deleteWithoutPassword(long id) {
		Account account = require(id);
		for (AccountDeletionGuard guard : deletionGuards) {
			Optional<String> refusal = guard.refuseDeletion(id);
			if (refusal.isPresent()) {
				throw new ConflictException(refusal.get(), "This account cannot be deleted now.");
			}
		}
		users.anonymise(id, encoder.encode(RandomSecrets.token("x")), now());
		audit.record("account.deleted", "user", id, account.email());
		events.publishEvent(new AccountDeleted(id));
	}

	// --- password reset and e-mail verification (used by the web controllers) ---

	/** Sends a reset link when the account exists; says nothing either way. */
	@Transactional
	void requestPasswordReset(String email, Locale locale) {
		findByEmail(email).ifPresent(account -> {
			String token = tokens.issue(account.id(), AccountTokens.Purpose.PASSWORD_RESET);
			mailer.send(account.email(), "password-reset",
					Map.of("name", account.name(), "resetUrl", links.url("/password/reset?token=" + token)), locale);
		});
	}

	/**
	 * A reset link, or the link of a new account's first password (same form, same single
	 * use).
	 */
	boolean resetTokenValid(String token) {
		return tokens.isValid(token, AccountTokens.Purpose.PASSWORD_RESET)
				|| tokens.isValid(token, AccountTokens.Purpose.ACCOUNT_SETUP);
	}

	/**
	 * Sets a new password with a reset token; false when the token is invalid, used or
	 * expired.
	 */
	@Transactional
	boolean resetPassword(String token, String newPassword) {
		PasswordPolicy.check("password", newPassword);
		Optional<Long> userId = tokens.consume(token, AccountTokens.Purpose.PASSWORD_RESET)
			.or(() -> tokens.consume(token, AccountTokens.Purpose.ACCOUNT_SETUP));
		userId.ifPresent(id -> {
			users.updatePassword(id, encoder.encode(newPassword), false, now());
			// a reset also proves the mailbox is theirs
			users.markVerified(id, now());
			audit.recordFor(id, require(id).email(), "account.password_reset", "user", id, null);
		});
		return userId.isPresent();
	}

	@Transactional
	void setNewPassword(long id, String newPassword) {
		PasswordPolicy.check("password", newPassword);
		users.updatePassword(id, encoder.encode(newPassword), false, now());
	}

	@Transactional
	boolean verifyEmail(String token) {
		Optional<Long> userId = tokens.consume(token, AccountTokens.Purpose.EMAIL_VERIFICATION);
		userId.ifPresent(id -> users.markVerified(id, now()));
		return userId.isPresent();
	}

	@Transactional
	void sendVerification(Account account) {
		String token = tokens.issue(account.id(), AccountTokens.Purpose.EMAIL_VERIFICATION);
		mailer.send(account.email(), "verify-email",
				Map.of("name", account.name(), "verifyUrl", links.url("/verify-email?token=" + token)));
	}

	@Transactional
	long createAdmin(String email, String name, String password) {
		PasswordPolicy.check("password", password);
		long id = users.insert(requireEmail(email), name, null, encoder.encode(password), Role.ADMIN, false, now());
		// the operator chose this address: asking the first admin to confirm it would
		// only be noise
		users.markVerified(id, now());
		return id;
	}

	boolean anyAdmin() {
		return users.anyAdmin();
	}

	// --- input rules ---

	static String normaliseEmail(String email) {
		return EmailAddresses.normalise(email);
	}

	private static String requireEmail(String email) {
		if (email == null || email.isBlank()) {
			throw new InvalidInputException("email", "accounts.email.required", "Enter your e-mail address.");
		}
		String e = normaliseEmail(email);
		if (!EmailAddresses.isValid(e)) {
			throw new InvalidInputException("email", "accounts.email.invalid", "Enter a valid e-mail address.");
		}
		return e;
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException("name", "accounts.name.required", "Enter your name.");
		}
		String n = name.strip();
		if (n.length() > 120) {
			throw new InvalidInputException("name", "accounts.name.tooLong", "Use at most 120 characters.");
		}
		return n;
	}

	private String optionalPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return null;
		}
		return phones.toE164(phone)
			.orElseThrow(() -> new InvalidInputException("phone", "accounts.phone.invalid",
					"Enter a valid phone number, e.g. 0712 345 678 or +255 712 345 678."));
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
