package org.hostwright.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.hostwright.platform.KeyedLimiter;
import org.hostwright.platform.RateCounters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins so that knowing an e-mail is not enough to lock its owner out.
 * <ul>
 * <li>A browser carrying a device cookie of the account (it signed in before) has a
 * budget of its own and nothing else: failures from elsewhere never block it.</li>
 * <li>Any other attempt counts against its (e-mail, address) pair, its address, and a
 * much larger cap per e-mail. The pair and address limits stop one machine guessing; the
 * per-e-mail cap stops a botnet spreading guesses over thousands of addresses. It can
 * lock out only new browsers (the owner's known ones keep working), which is why it may
 * be lower than "unlimited" without becoming a lockout tool.</li>
 * </ul>
 * The e-mail typed counts whether or not it has an account, so being throttled says
 * nothing. The counters are shared by every node ({@link RateCounters}).
 */
@Component
class SignInThrottle {

	private final KeyedLimiter perPair;

	private final KeyedLimiter perAddress;

	private final KeyedLimiter perAccount;

	private final KeyedLimiter perDevice;

	@Autowired
	SignInThrottle(RateCounters counters, AccountsProperties properties) {
		this(counters, properties.signin());
	}

	private SignInThrottle(RateCounters counters, AccountsProperties.Signin limits) {
		this(counters.shared("signin-pair", limits.maxFailuresPerPair(), limits.window()),
				counters.shared("signin-address", limits.maxFailuresPerAddress(), limits.window()),
				counters.shared("signin-account", limits.maxFailuresPerAccount(), limits.window()),
				counters.shared("signin-device", limits.maxFailuresPerPair(), limits.window()));
	}

	SignInThrottle(KeyedLimiter perPair, KeyedLimiter perAddress, KeyedLimiter perAccount, KeyedLimiter perDevice) {
		this.perPair = perPair;
		this.perAddress = perAddress;
		this.perAccount = perAccount;
		this.perDevice = perDevice;
	}

	/**
	 * One sign-in attempt: the e-mail typed, the client address, and the trusted device
	 * id or null.
	 */
	record Attempt(String email, String address, String device) {

		static Attempt untrusted(String email, String address) {
			return new Attempt(email, address, null);
		}

		String emailKey() {
			return email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
		}

		String pairKey() {
			return emailKey() + "|" + address;
		}

	}

	/** How long the caller must wait, if any of the limits that apply to it is hit. */
	Optional<Duration> blockedFor(Attempt attempt) {
		if (attempt.device() != null) {
			return positive(perDevice.waitFor(attempt.device()));
		}
		return positive(longest(perPair.waitFor(attempt.pairKey()), perAddress.waitFor(attempt.address()),
				perAccount.waitFor(attempt.emailKey())));
	}

	void failed(Attempt attempt) {
		if (attempt.device() != null) {
			perDevice.consume(attempt.device());
			return;
		}
		perPair.consume(attempt.pairKey());
		perAddress.consume(attempt.address());
		perAccount.consume(attempt.emailKey());
	}

	/**
	 * A password-reset request: it takes from the pair and address budgets, never the
	 * account's.
	 */
	Optional<Duration> resetRequested(String email, String address) {
		Attempt attempt = Attempt.untrusted(email, address);
		var wait = positive(longest(perPair.waitFor(attempt.pairKey()), perAddress.waitFor(address)));
		if (wait.isEmpty()) {
			perPair.consume(attempt.pairKey());
			perAddress.consume(address);
		}
		return wait;
	}

	/**
	 * Clears the failures of this browser (its pair and its device); the per-account cap
	 * runs out by itself.
	 */
	void succeeded(Attempt attempt) {
		perPair.forget(attempt.pairKey());
		if (attempt.device() != null) {
			perDevice.forget(attempt.device());
		}
	}

	private static Duration longest(Duration... waits) {
		Duration max = Duration.ZERO;
		for (Duration d : waits) {
			if (d.compareTo(max) > 0) {
				max = d;
			}
		}
		return max;
	}

	private static Optional<Duration> positive(Duration d) {
		return d.isZero() ? Optional.empty() : Optional.of(d);
	}

}
