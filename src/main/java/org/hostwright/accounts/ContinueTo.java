package org.hostwright.accounts;

import java.util.Optional;

/**
 * Where a sign-in continues ("sign in to continue your order" returns to the same
 * checkout): only a path on this site, never another host, so the parameter cannot be
 * used to send someone elsewhere after signing in.
 */
final class ContinueTo {

	static final String PARAMETER = "continue";

	private ContinueTo() {
	}

	static Optional<String> safe(String target) {
		if (target == null || target.length() > 500 || !target.startsWith("/") || target.startsWith("//")
				|| target.startsWith("/\\")) {
			return Optional.empty();
		}
		for (char c : target.toCharArray()) {
			if (c < 0x20 || c == 0x7f || c == '\\') {
				return Optional.empty();
			}
		}
		return Optional.of(target);
	}

}
