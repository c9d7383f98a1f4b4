package org.hostwright.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A real {@link AccountDeletionGuard} for tests: it refuses the deletion of the accounts
 * a test puts in {@link #REFUSED}, the way the provisioning module refuses while services
 * are active.
 */
@Component
class RefusingDeletionGuard implements AccountDeletionGuard {

	static final Set<Long> REFUSED = ConcurrentHashMap.newKeySet();

	@Override
	public Optional<String> refuseDeletion(long accountId) {
		return REFUSED.contains(accountId) ? Optional.of("accounts.delete.refused") : Optional.empty();
	}

}
