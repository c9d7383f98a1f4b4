package org.hostwright.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.platform.AuthenticatedUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records audit entries. The actor is the signed-in user; while an admin impersonates a customer the
 * actor is the admin, with the customer named in the details, so impersonated actions stay
 * attributable.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action by the current user, in the caller's transaction (so it rolls back with it). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String objectType, Object objectId, String details) {
		Actor actor = currentActor();
		write(new AuditEntry(null, Instant.now(clock), actor.id(), actor.email(), action, objectType,
				objectId == null ? null : String.valueOf(objectId), joinDetails(actor.onBehalfOf(), details),
				clientAddress()));
	}

	/** Records an action whose actor is known explicitly (sign-in events, jobs). */
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordFor(Long actorId, String actorEmail, String action, String objectType, Object objectId,
			String details) {
		write(new AuditEntry(null, Instant.now(clock), actorId, actorEmail, action, objectType,
				objectId == null ? null : String.valueOf(objectId), details, clientAddress()));
	}

	private void write(AuditEntry e) {
		jdbc.sql("""
				INSERT INTO audit_log (occurred_at, actor_id, actor_email, action, object_type, object_id, details, ip_address)
				VALUES (:at, :actorId, :actorEmail, :action, :objectType, :objectId, :details, :ip)""")
			.param("at", java.sql.Timestamp.from(e.occurredAt()))
			.param("actorId", e.actorId())
			// what a failed sign-in typed can be any length; the trail keeps the first 254 characters
			.param("actorEmail", truncate(e.actorEmail(), 254))
			.param("action", e.action())
			.param("objectType", e.objectType())
			.param("objectId", truncate(e.objectId(), 64))
			.param("details", truncate(e.details(), 2000))
			.param("ip", e.ipAddress())
			.update();
	}

	private static String joinDetails(String onBehalfOf, String details) {
		if (onBehalfOf == null) {
			return details;
		}
		String as = "while impersonating " + onBehalfOf;
		return details == null || details.isBlank() ? as : details + " (" + as + ")";
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	private record Actor(Long id, String email, String onBehalfOf) {
	}

	private static Actor currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AuthenticatedUser user)) {
			return new Actor(null, null, null);
		}
		for (var authority : auth.getAuthorities()) {
			if (authority instanceof SwitchUserGrantedAuthority sw
					&& sw.getSource().getPrincipal() instanceof AuthenticatedUser admin) {
				return new Actor(admin.id(), admin.email(), user.email());
			}
		}
		return new Actor(user.id(), user.email(), null);
	}

	static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
