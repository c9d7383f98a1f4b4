package org.hostwright.accounts;

import java.util.Optional;

/**
 * Lets other modules refuse the deletion of an account, e.g. while it has active hosting
 * services. Implementations answer the message-bundle key of the refusal, or empty to
 * allow.
 */
public interface AccountDeletionGuard {

	Optional<String> refuseDeletion(long accountId);

}
