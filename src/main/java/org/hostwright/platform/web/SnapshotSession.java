package org.hostwright.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

/**
 * A stored session answered from its row and the attributes {@link SessionSnapshots}
 * kept: nothing is read or deserialised for a request that only reads its session. The
 * first change (an attribute, the id, the timeout) reads the stored session and carries
 * on with it, so what is saved is the stored session with this request's changes, never
 * the kept copy.
 */
final class SnapshotSession implements Session {

	private final String id;

	private final SessionSnapshots.Row row;

	private final Map<String, Object> attributes;

	private final Supplier<Session> stored;

	private Instant lastAccessedTime;

	/** The stored session once this request changed something; null before. */
	private Session read;

	/** Whether the stored session had gone when this request first changed it. */
	private boolean gone;

	SnapshotSession(String id, SessionSnapshots.Row row, Map<String, Object> attributes, Supplier<Session> stored) {
		this.id = id;
		this.row = row;
		this.attributes = attributes;
		this.stored = stored;
		this.lastAccessedTime = Instant.ofEpochMilli(row.lastAccessTime());
	}

	/**
	 * The stored session with this request's changes, read now if nothing changed yet (a
	 * touch to save); null when it was deleted meanwhile (nothing to save then).
	 */
	Session stored() {
		if (this.gone) {
			return null;
		}
		if (this.read == null) {
			Session session = this.stored.get();
			if (session == null) {
				this.gone = true;
				return null;
			}
			session.setLastAccessedTime(this.lastAccessedTime);
			this.read = session;
		}
		return this.read;
	}

	/** The session to change: the stored one, or a copy of no consequence if it went. */
	private Session changing() {
		Session session = stored();
		if (session == null && this.read == null) {
			// deleted by another request (a sign-out): what this one changes is not saved
			this.read = new MapSession(this.id);
			this.read.setLastAccessedTime(this.lastAccessedTime);
			this.attributes.forEach(this.read::setAttribute);
		}
		return session != null ? session : this.read;
	}

	@Override
	public String getId() {
		return this.read != null ? this.read.getId() : this.id;
	}

	@Override
	public String changeSessionId() {
		return changing().changeSessionId();
	}

	@Override
	@SuppressWarnings({ "unchecked", "TypeParameterUnusedInFormals" }) // Spring Session's
																		// signature
	public <T> T getAttribute(String attributeName) {
		return this.read != null ? this.read.getAttribute(attributeName) : (T) this.attributes.get(attributeName);
	}

	@Override
	public Set<String> getAttributeNames() {
		return this.read != null ? this.read.getAttributeNames() : this.attributes.keySet();
	}

	@Override
	public void setAttribute(String attributeName, Object attributeValue) {
		changing().setAttribute(attributeName, attributeValue);
	}

	@Override
	public void removeAttribute(String attributeName) {
		changing().removeAttribute(attributeName);
	}

	@Override
	public Instant getCreationTime() {
		return this.read != null ? this.read.getCreationTime() : Instant.ofEpochMilli(this.row.creationTime());
	}

	@Override
	public void setLastAccessedTime(Instant lastAccessedTime) {
		this.lastAccessedTime = lastAccessedTime;
		if (this.read != null) {
			this.read.setLastAccessedTime(lastAccessedTime);
		}
	}

	@Override
	public Instant getLastAccessedTime() {
		return this.lastAccessedTime;
	}

	@Override
	public void setMaxInactiveInterval(Duration interval) {
		changing().setMaxInactiveInterval(interval);
	}

	@Override
	public Duration getMaxInactiveInterval() {
		return this.read != null ? this.read.getMaxInactiveInterval()
				: Duration.ofSeconds(this.row.maxInactiveSeconds());
	}

	@Override
	public boolean isExpired() {
		Duration timeout = getMaxInactiveInterval();
		return !timeout.isNegative() && !Instant.now().minus(timeout).isBefore(this.lastAccessedTime);
	}

}
