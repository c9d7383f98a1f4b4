package org.hostwright.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import org.hostwright.platform.AuthenticatedUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records audit entries. The actor is the signed-in user; while an admin impersonates a
 * customer the actor is the admin, with the customer named in the details, so
 * impersonated actions stay attributable.
 */
@Service
public class AuditLog {

	private final AuditStore store;

	private final Clock clock;

	AuditLog(AuditStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Records an action by the current user, in the caller's transaction (so it rolls
	 * back with it).
	 */
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
		store.insert(e);
	}

	private static String joinDetails(String onBehalfOf, String details) {
		if (onBehalfOf == null) {
			return details;
		}
		String as = "while impersonating " + onBehalfOf;
		return details == null || details.isBlank() ? as : details + " (" + as + ")";
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
