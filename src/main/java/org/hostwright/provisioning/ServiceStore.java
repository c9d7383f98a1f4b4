package org.hostwright.provisioning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
		jdbc.sql("""
				INSERT INTO services (order_id, order_uuid, customer_id, plan_id, plan_slug, domain, panel_server_id, panel_package,
				  status, attempts, created_at, updated_at)
				VALUES (:order, :uuid, :customer, :plan, :slug, :domain, :server, :package, 'REQUESTED', 0, :now, :now)""")
			.param("order", s.orderId())
			.param("uuid", s.orderUuid())
			.param("customer", s.customerId())
			.param("plan", s.planId())
			.param("slug", s.planSlug())
			.param("domain", s.domain())
			.param("server", s.panelServerId())
			.param("package", s.panelPackage())
			.param("now", Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<HostingService> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE id = ?").param(id).query(ServiceStore::service).optional();
	}

	Optional<HostingService> findByOrder(long orderId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE order_id = ?").param(orderId).query(ServiceStore::service).optional();
	}

	/** Locks the row until the transaction ends: every change to a service goes through this. */
	Optional<HostingService> lock(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE id = ? FOR UPDATE").param(id).query(ServiceStore::service).optional();
	}

	Optional<Instant> claimedUntil(long id) {
		return jdbc.sql("SELECT claimed_until FROM services WHERE id = ?")
			.param(id)
			.query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
			.optional();
	}

	List<HostingService> ofCustomer(long customerId) {
		// active first, then newest (the seed's dashboard order)
		return jdbc.sql("SELECT " + COLUMNS + " FROM services WHERE customer_id = ? ORDER BY CASE WHEN status = 'ACTIVE' THEN 0 ELSE 1 END, created_at DESC, id DESC LIMIT 200")
			.param(customerId)
			.query(ServiceStore::service)
			.list();
	}

	boolean usernameTaken(long serverId, String username) {
		return jdbc.sql("SELECT COUNT(*) FROM services WHERE panel_server_id = ? AND panel_username = ?")
			.params(serverId, username)
			.query(Long.class)
			.single() > 0;
	}

	String passwordCipher(long id) {
		return jdbc.sql("SELECT password_enc FROM services WHERE id = ?").param(id).query(String.class).optional().orElse(null);
	}

	void update(long id, String setClause, Object... params) {
		Object[] all = new Object[params.length + 1];
		System.arraycopy(params, 0, all, 0, params.length);
		all[params.length] = id;
		jdbc.sql("UPDATE services SET " + setClause + " WHERE id = ?").params(all).update();
	}

	void move(long id, ServiceStatus status, Instant now) {
		update(id, "status = ?, updated_at = ?", status.name(), Timestamp.from(now));
	}

	static HostingService service(ResultSet rs, int row) throws SQLException {
		long server = rs.getLong("panel_server_id");
		Long serverId = rs.wasNull() ? null : server;
		return new HostingService(rs.getLong("id"), rs.getLong("order_id"), rs.getObject("order_uuid", UUID.class),
				rs.getLong("customer_id"), rs.getLong("plan_id"), rs.getString("plan_slug"), rs.getString("domain"), serverId,
				rs.getString("panel_package"), rs.getString("panel_username"), ServiceStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "last_attempt_at"),
				instant(rs, "last_provisioned_at"), instant(rs, "last_failed_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
