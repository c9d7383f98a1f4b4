package org.hostwright.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.hostwright.platform.States;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The services table. */
@Repository
class ServiceStore {

	static final String COLUMNS = "id, order_id, order_uuid, customer_id, plan_id, plan_slug, domain, panel_server_id, panel_package, panel_username, status, attempts, last_error, last_attempt_at, last_provisioned_at, last_failed_at, created_at, updated_at";

	private final JdbcClient jdbc;

	ServiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record NewService(long orderId, UUID orderUuid, long customerId, long planId, String planSlug, String domain,
			Long panelServerId, String panelPackage) {
	}

	long insert(NewService s, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO services (order_id, order_uuid, customer_id, plan_id, plan_slug, domain, panel_server_id, panel_package,
						  status, attempts, created_at, updated_at)
						VALUES (:order, :uuid, :customer, :plan, :slug, :domain, :server, :package, :status, 0, :now, :now)""")
			.param("order", s.orderId())
			.param("uuid", s.orderUuid())
			.param("customer", s.customerId())
			.param("plan", s.planId())
			.param("slug", s.planSlug())
			.param("domain", s.domain())
			.param("server", s.panelServerId())
			.param("package", s.panelPackage())
			.param("status", ServiceStatus.REQUESTED.wire())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<HostingService> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE id = ?")
			.param(id)
			.query(ServiceStore::service)
			.optional();
	}

	Optional<HostingService> findByOrder(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE order_id = ?")
			.param(orderId)
			.query(ServiceStore::service)
			.optional();
	}

	/**
	 * Locks the row until the transaction ends: every change to a service goes through
	 * this.
	 */
	Optional<HostingService> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE id = ? FOR UPDATE")
			.param(id)
			.query(ServiceStore::service)
			.optional();
	}

	/** {@link #lock} of many services in one statement (in id order), by id. */
	Map<Long, HostingService> lockAll(Collection<Long> ids) {
		Map<Long, HostingService> locked = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE id IN (:ids) ORDER BY id FOR UPDATE")
				.param("ids", new ArrayList<>(new TreeSet<>(ids)))
				.query(ServiceStore::service)
				.list()
				.forEach(s -> locked.put(s.id(), s));
		}
		return locked;
	}

	/** Who holds the service for a panel job, and until when (empty: nobody). */
	Optional<ServiceLease> leaseOf(long id) {
		return jdbc.sql("SELECT claimed_until, claimed_by FROM services WHERE id = ? AND claimed_until IS NOT NULL")
			.param(id)
			.query((rs, n) -> new ServiceLease(rs.getTimestamp(1).toInstant(), rs.getString(2)))
			.optional();
	}

	List<HostingService> ofCustomer(long customerId) {
		// active first, then newest (the seed's dashboard order)
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM services WHERE customer_id = ? ORDER BY CASE WHEN status = ? THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT 200")
			.params(customerId, ServiceStatus.ACTIVE.wire())
			.query(ServiceStore::service)
			.list();
	}

	/** Which of these usernames services on the panel server already have. */
	Set<String> usernamesTaken(long serverId, Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc
			.sql("SELECT panel_username FROM services WHERE panel_server_id = :server AND panel_username IN (:names)")
			.param("server", serverId)
			.param("names", usernames)
			.query(String.class)
			.list());
	}

	String passwordCipher(long id) {
		return jdbc.sql("SELECT password_enc FROM services WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * Claims a requested (or re-claims a provisioning) service for one attempt:
	 * provisioning, one more attempt, leased until {@code leaseUntil}, with the panel
	 * account it will be created as.
	 */
	void markProvisioning(HostingService s, boolean newAttempt, Instant now, Instant leaseUntil, long serverId,
			String username, String passwordCipher) {
		jdbc.sql(
				"""
						UPDATE services SET status = ?, attempts = attempts + ?, last_attempt_at = ?, claimed_until = ?,
						  claimed_by = ?, panel_server_id = ?, panel_username = ?, password_enc = ?, updated_at = ? WHERE id = ?""")
			.params(stayOrMove(s, ServiceStatus.PROVISIONING), newAttempt ? 1 : 0, Timestamp.from(now),
					Timestamp.from(leaseUntil), ProvisioningJobs.provisionId(s.id()), serverId, username,
					passwordCipher, Timestamp.from(now), s.id())
			.update();
	}

	/**
	 * Fixes the panel account a service will be created as (the unique index refuses a
	 * taken one).
	 */
	void reservePanelAccount(long id, long serverId, String username) {
		jdbc.sql("UPDATE services SET panel_server_id = ?, panel_username = ? WHERE id = ?")
			.params(serverId, username, id)
			.update();
	}

	/** The panel account exists: active, lease released, the last error forgotten. */
	void markActive(HostingService s, Instant now) {
		jdbc.sql(
				"""
						UPDATE services SET status = ?, claimed_until = NULL, claimed_by = NULL, last_provisioned_at = ?, last_error = NULL, updated_at = ?
						WHERE id = ?""")
			.params(s.status().checkMoveTo(ServiceStatus.ACTIVE).wire(), Timestamp.from(now), Timestamp.from(now),
					s.id())
			.update();
	}

	/** After the last attempt: failed, lease released. */
	void markFailed(HostingService s, Instant now) {
		jdbc.sql(
				"UPDATE services SET status = ?, claimed_until = NULL, claimed_by = NULL, last_failed_at = ?, updated_at = ? WHERE id = ?")
			.params(s.status().checkMoveTo(ServiceStatus.FAILED).wire(), Timestamp.from(now), Timestamp.from(now),
					s.id())
			.update();
	}

	/**
	 * One attempt failed (another may follow): the status stays, the lease is released.
	 */
	void attemptFailed(long id, String error, Instant now) {
		jdbc.sql(
				"UPDATE services SET claimed_until = NULL, claimed_by = NULL, last_failed_at = ?, last_error = ?, updated_at = ? WHERE id = ?")
			.params(Timestamp.from(now), error, Timestamp.from(now), id)
			.update();
	}

	/**
	 * A panel action (suspend, activate, terminate) succeeded: its target status, lease
	 * released.
	 */
	void move(HostingService s, ServiceStatus target, Instant now) {
		jdbc.sql("UPDATE services SET status = ?, claimed_until = NULL, claimed_by = NULL, updated_at = ? WHERE id = ?")
			.params(s.status().checkMoveTo(target).wire(), Timestamp.from(now), s.id())
			.update();
	}

	/**
	 * Re-provision: requested again (a service still in progress stays where it is),
	 * attempts start over.
	 */
	void restart(HostingService s, Instant now) {
		ServiceStatus target = s.status().inProgress() ? s.status() : ServiceStatus.REQUESTED;
		jdbc.sql("UPDATE services SET status = ?, attempts = 0, last_error = NULL, updated_at = ? WHERE id = ?")
			.params(stayOrMove(s, target), Timestamp.from(now), s.id())
			.update();
	}

	void rename(long id, String username) {
		jdbc.sql("UPDATE services SET panel_username = ? WHERE id = ?").params(username, id).update();
	}

	/**
	 * Holds the service for a job until {@code until}: another job waits
	 * (ServiceBusyException); the job named {@code owner} (its task instance) may take
	 * the lease back when its run was cut off by a crash.
	 */
	void lease(long id, Instant until, String owner) {
		jdbc.sql("UPDATE services SET claimed_until = ?, claimed_by = ? WHERE id = ?")
			.params(Timestamp.from(until), owner, id)
			.update();
	}

	/** Records the action asked for (a later one replaces an earlier, unanswered one). */
	void markPending(long id, PanelAction action, String reason, Instant now) {
		jdbc.sql("UPDATE services SET pending_action = ?, pending_reason = ?, pending_since = ? WHERE id = ?")
			.params(action.key(), reason, Timestamp.from(now), id)
			.update();
	}

	java.util.Optional<PendingAction> pendingOf(long id) {
		return jdbc.sql(
				"SELECT pending_action, pending_reason, pending_since FROM services WHERE id = ? AND pending_action IS NOT NULL")
			.param(id)
			.query((rs, n) -> new PendingAction(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	/** The panel answered (or the job gave up): nothing pending any more. */
	void clearPending(long id) {
		jdbc.sql("UPDATE services SET pending_action = NULL, pending_reason = NULL, pending_since = NULL WHERE id = ?")
			.param(id)
			.update();
	}

	void releaseLease(long id) {
		jdbc.sql("UPDATE services SET claimed_until = NULL, claimed_by = NULL WHERE id = ?").param(id).update();
	}

	/**
	 * Staying in the same status is not a move; anything else goes through the machine.
	 */
	private static String stayOrMove(HostingService s, ServiceStatus target) {
		return s.status() == target ? target.wire() : s.status().checkMoveTo(target).wire();
	}

	static HostingService service(ResultSet rs, int row) throws SQLException {
		long server = rs.getLong("panel_server_id");
		Long serverId = rs.wasNull() ? null : server;
		return new HostingService(rs.getLong("id"), rs.getLong("order_id"), rs.getObject("order_uuid", UUID.class),
				rs.getLong("customer_id"), rs.getLong("plan_id"), rs.getString("plan_slug"), rs.getString("domain"),
				serverId, rs.getString("panel_package"), rs.getString("panel_username"),
				States.fromColumn(ServiceStatus.class, rs.getString("status")), rs.getInt("attempts"),
				rs.getString("last_error"), instant(rs, "last_attempt_at"), instant(rs, "last_provisioned_at"),
				instant(rs, "last_failed_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
