package org.hostwright.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.KeyedLimiter;
import org.hostwright.platform.RateCounters;
import org.hostwright.platform.SandboxMode;
import org.hostwright.platform.SecretVault;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: an authenticator app (TOTP, secret encrypted at rest) with ten
 * one-time recovery codes, and passkeys (Spring Security's WebAuthn tables). Required for
 * admins unless {@code hostwright.admin-2fa=optional} (the sandbox demo admin is exempt
 * until it enrols), optional for customers. Every enrolment, removal, use and failure is
 * audited.
 */
@Service
class SecondFactors {

	/** How long a check lasts for the sensitive actions (credentials, impersonation). */
	static final Duration STEP_UP = Duration.ofMinutes(10);

	private final SecondFactorRepository factors;

	private final SecretVault vault;

	private final AuditLog audit;

	private final SandboxMode sandbox;

	private final Clock clock;

	private final boolean adminRequired;

	/**
	 * Wrong codes per account: someone holding the password cannot try the million codes.
	 */
	private final KeyedLimiter failures;

	SecondFactors(SecondFactorRepository factors, SecretVault vault, AuditLog audit, SandboxMode sandbox, Clock clock,
			RateCounters counters, @Value("${hostwright.admin-2fa:required}") String adminPolicy) {
		this.factors = factors;
		this.vault = vault;
		this.audit = audit;
		this.sandbox = sandbox;
		this.clock = clock;
		this.adminRequired = !"optional".equalsIgnoreCase(adminPolicy.strip());
		this.failures = counters.shared("second-factor", 10, Duration.ofMinutes(15));
	}

	/** How a factor was checked, for the audit log. */
	enum Method {

		TOTP, RECOVERY_CODE, PASSKEY;

		String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	boolean hasTotp(long userId) {
		return factors.hasTotp(userId);
	}

	boolean hasPasskey(long userId) {
		return factors.hasPasskey(userId);
	}

	boolean enrolled(long userId) {
		return hasTotp(userId) || hasPasskey(userId);
	}

	/** Whether this user must pass a second factor after the password. */
	boolean required(AccountUser user) {
		return enrolled(user.id()) || mustEnrol(user);
	}

	/**
	 * An admin without any factor while they are required: sent to enrol before anything
	 * else.
	 */
	boolean mustEnrol(AccountUser user) {
		return user.admin() && adminRequired && !exempt(user) && !enrolled(user.id());
	}

	/**
	 * The sandbox demo admin, with its published password, keeps the quick start one
	 * command.
	 */
	private boolean exempt(AccountUser user) {
		return sandbox.enabled() && FirstAdmin.DEMO_EMAIL.equals(user.email());
	}

	int recoveryCodesLeft(long userId) {
		return factors.recoveryCodesLeft(userId);
	}

	/**
	 * Stores the secret once the user proved their app has it, and returns ten new
	 * recovery codes.
	 * @throws InvalidInputException ({@code code}) when the code is not the app's current
	 * one
	 */
	@Transactional
	List<String> enrolTotp(AccountUser user, String secret, String code) {
		OptionalLong step = Totp.verify(secret, code, now(), 0);
		if (step.isEmpty()) {
			throw new InvalidInputException("code", "accounts.factor.codeWrong",
					"That code is not right. Try the current one.");
		}
		factors.replaceTotp(user.id(), vault.encrypt(secret, context(user.id())), step.getAsLong(), now());
		// a remember-me token made before the factor existed would skip it on another
		// browser
		factors.forgetRememberedLogins(user.email());
		audit.recordFor(user.id(), user.email(), "auth.totp_enrolled", "user", user.id(), null);
		return newRecoveryCodes(user);
	}

	@Transactional
	void removeTotp(AccountUser user) {
		if (factors.deleteTotp(user.id())) {
			factors.deleteRecoveryCodes(user.id());
			audit.recordFor(user.id(), user.email(), "auth.totp_removed", "user", user.id(), null);
		}
	}

	/** Replaces every recovery code with ten new ones (the old ones stop working). */
	@Transactional
	List<String> newRecoveryCodes(AccountUser user) {
		List<String> codes = RecoveryCodes.generate();
		factors.deleteRecoveryCodes(user.id());
		factors.insertRecoveryCodes(user.id(), codes.stream().map(RecoveryCodes::hash).toList());
		audit.recordFor(user.id(), user.email(), "auth.recovery_codes_generated", "user", user.id(), null);
		return codes;
	}

	/**
	 * Checks a code typed by the user: the authenticator's current code (once per time
	 * step) or an unused recovery code (then spent). Audited either way; wrong codes are
	 * limited per account.
	 * @return how it was checked, empty when wrong
	 */
	@Transactional
	Optional<Method> verify(AccountUser user, String code) {
		String key = String.valueOf(user.id());
		if (!failures.waitFor(key).isZero()) {
			throw new org.hostwright.platform.TooManyRequestsException(failures.waitFor(key));
		}
		Optional<Method> method = check(user.id(), code);
		if (method.isPresent()) {
			audit.recordFor(user.id(), user.email(), "auth.second_factor_used", "user", user.id(), method.get().wire());
		}
		else {
			failures.consume(key);
			audit.recordFor(user.id(), user.email(), "auth.second_factor_failed", "user", user.id(), null);
		}
		return method;
	}

	private Optional<Method> check(long userId, String code) {
		if (code == null || code.length() > 40) {
			return Optional.empty();
		}
		var totp = factors.totp(userId);
		if (totp.isPresent()) {
			String secret = vault.decrypt(totp.get().encryptedSecret(), context(userId));
			OptionalLong step = Totp.verify(secret, code, now(), totp.get().lastStep());
			// the conditional update makes a code good once, even for two requests at the
			// same moment
			if (step.isPresent() && factors.useStep(userId, step.getAsLong())) {
				return Optional.of(Method.TOTP);
			}
		}
		if (RecoveryCodes.looksLikeOne(code) && factors.spendRecoveryCode(userId, RecoveryCodes.hash(code), now())) {
			return Optional.of(Method.RECOVERY_CODE);
		}
		return Optional.empty();
	}

	/**
	 * Records a passkey used as the second factor (the ceremony itself is Spring
	 * Security's).
	 */
	void passkeyUsed(AccountUser user) {
		audit.recordFor(user.id(), user.email(), "auth.second_factor_used", "user", user.id(), Method.PASSKEY.wire());
	}

	private static String context(long userId) {
		return "totp:" + userId;
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
