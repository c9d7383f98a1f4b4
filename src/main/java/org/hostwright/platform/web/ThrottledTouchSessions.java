package org.hostwright.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session repository the session filter saves through: a session read for a request
 * and saved with nothing changed but its last access, less than {@link #TOUCH_INTERVAL}
 * after the stored one, is not saved at all. Spring Session's JDBC repository marks every
 * request's session as changed (the filter sets its last access), and its save opened a
 * transaction (a pooled connection, BEGIN, the UPDATE, COMMIT) even when the conditional
 * UPDATE of {@link SessionStoreConfiguration} then wrote nothing: a sixth of a signed-in
 * page view's CPU. Anything else a request changes (an attribute, the id, the timeout) is
 * saved at once, as before; the stored last access then follows the same rule in SQL.
 * <p>
 * Only for Spring Session's default save mode (attributes written when set): with
 * {@code ON_GET_ATTRIBUTE} or {@code ALWAYS} a save rewrites attributes that were read,
 * which this repository cannot see, so it is not installed then.
 */
final class ThrottledTouchSessions implements FindByIndexNameSessionRepository<Session> {

	/**
	 * Must match the 60,000 ms of the conditional UPDATE in SessionStoreConfiguration.
	 */
	static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final FindByIndexNameSessionRepository<Session> stored;

	@SuppressWarnings("unchecked")
	ThrottledTouchSessions(FindByIndexNameSessionRepository<? extends Session> stored) {
		// its sessions only ever come back to it, so their own type does not matter here
		this.stored = (FindByIndexNameSessionRepository<Session>) stored;
	}

	@Override
	public Session createSession() {
		return this.stored.createSession();
	}

	@Override
	public void save(Session session) {
		if (!(session instanceof Read read)) {
			this.stored.save(session);
			return;
		}
		if (read.onlyTouchedWithin(TOUCH_INTERVAL)) {
			return;
		}
		this.stored.save(read.session);
		read.saved(TOUCH_INTERVAL);
	}

	@Override
	public Session findById(String id) {
		Session session = this.stored.findById(id);
		return session == null ? null : new Read(session);
	}

	@Override
	public void deleteById(String id) {
		this.stored.deleteById(id);
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.stored.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	/**
	 * A stored session as one request sees it: what it changed besides the last access,
	 * and the last access the database holds.
	 */
	private static final class Read implements Session {

		private final Session session;

		private Instant storedLastAccess;

		private boolean changed;

		Read(Session session) {
			this.session = session;
			this.storedLastAccess = session.getLastAccessedTime();
		}

		boolean onlyTouchedWithin(Duration interval) {
			return !this.changed && lastAccessMoved().compareTo(interval) < 0;
		}

		void saved(Duration interval) {
			// the SQL writes the last access under the same rule; when it was written for
			// another change only, the older value kept here makes a later save write
			// early,
			// never late
			if (lastAccessMoved().compareTo(interval) >= 0) {
				this.storedLastAccess = this.session.getLastAccessedTime();
			}
			this.changed = false;
		}

		/** How far the last access moved since the stored one. */
		private Duration lastAccessMoved() {
			return Duration.between(this.storedLastAccess, this.session.getLastAccessedTime());
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		@SuppressWarnings("TypeParameterUnusedInFormals") // Spring Session's signature
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
