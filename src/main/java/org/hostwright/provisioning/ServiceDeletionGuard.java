package org.hostwright.provisioning;

import java.util.Optional;

import org.hostwright.accounts.AccountDeletionGuard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An account cannot be deleted while it still has hosting on a panel. */
@Repository
class ServiceDeletionGuard implements AccountDeletionGuard {

	private final JdbcClient jdbc;

	ServiceDeletionGuard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> refuseDeletion(long accountId) {
		long live = jdbc.sql("SELECT COUNT(*) FROM services WHERE customer_id = ? AND status IN ('REQUESTED', 'PROVISIONING', 'ACTIVE', 'SUSPENDED')")
			.param(accountId)
			.query(Long.class)
			.single();
		return live > 0 ? Optional.of("provisioning.account.hasServices") : Optional.empty();
	}

}
