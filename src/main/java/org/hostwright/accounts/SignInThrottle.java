package org.hostwright.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.hostwright.platform.KeyedLimiter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account (the e-mail typed, whether or not it exists, so the limit says
 * nothing about existence) and per client address. Each failure takes a token; while a bucket is
 * empty every attempt answers 429 with the wait. Buckets live in memory per node (bounded, least
 * recently used dropped first): with N nodes an attacker gets at most N times the budget.
 */
@Component
class SignInThrottle {

	private static final int MAX_KEYS = 100_000;

	private final KeyedLimiter perAccount;

	private final KeyedLimiter perAddress;

	@Autowired
	SignInThrottle(AccountsProperties properties) {
		this(properties.signin().maxFailuresPerAccount(), properties.signin().maxFailuresPerAddress(),
				properties.signin().window());
	}

	SignInThrottle(int perAccount, int perAddress, Duration window) {
		this.perAccount = KeyedLimiter.intervally(perAccount, window, MAX_KEYS);
		this.perAddress = KeyedLimiter.intervally(perAddress, window, MAX_KEYS);
	}

	/** How long the caller must wait, if either its account or its address is blocked. */
	Optional<Duration> blockedFor(String email, String address) {
		Duration account = perAccount.waitFor(accountKey(email));
		Duration addr = perAddress.waitFor(address);
		Duration wait = account.compareTo(addr) >= 0 ? account : addr;
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	void failed(String email, String address) {
		perAccount.consume(accountKey(email));
		perAddress.consume(address);
	}

	void succeeded(String email) {
		perAccount.forget(accountKey(email));
	}

	private static String accountKey(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

}
