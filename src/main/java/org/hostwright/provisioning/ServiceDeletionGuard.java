package org.hostwright.provisioning;

import java.util.Arrays;
import java.util.List;
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
		List<String> live = Arrays.stream(ServiceStatus.values())
			.filter(ServiceStatus::live)
			.map(ServiceStatus::wire)
			.toList();
		long count = jdbc.sql("SELECT COUNT(*) FROM services WHERE customer_id = :account AND status IN (:live)")
			.param("account", accountId)
			.param("live", live)
			.query(Long.class)
			.single();
		return count > 0 ? Optional.of("provisioning.account.hasServices") : Optional.empty();
	}

}
