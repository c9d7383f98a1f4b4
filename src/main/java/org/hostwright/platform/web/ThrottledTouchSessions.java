package org.hostwright.platform.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;

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
 * Reads go through {@link SessionSnapshots}: the session's row alone, and the attributes
 * this node deserialised before while that row's version has not moved (a
 * {@link SnapshotSession}); a save that changed anything moves the version.
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

	/** The session the current request found, while {@link #requestScope} runs it. */
	private static final ThreadLocal<Found> FOUND = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<Session> stored;

	private final SessionSnapshots snapshots;

	@SuppressWarnings("unchecked")
	ThrottledTouchSessions(FindByIndexNameSessionRepository<? extends Session> stored, SessionSnapshots snapshots) {
		// its sessions only ever come back to it, so their own type does not matter here
		this.stored = (FindByIndexNameSessionRepository<Session>) stored;
		this.snapshots = snapshots;
	}

	@Override
	public Session createSession() {
		return this.stored.createSession();
	}

	@Override
	public void save(Session session) {
		if (!(session instanceof Read read)) {
			// a new session: no node keeps a copy of it yet
			this.stored.save(session);
			return;
		}
		if (read.onlyTouchedWithin(TOUCH_INTERVAL)) {
			return;
		}
		Session target = read.session instanceof SnapshotSession snapshot ? snapshot.stored() : read.session;
		if (target == null) {
			return; // deleted since this request read it
		}
		this.stored.save(target);
		if (read.changed) {
			this.snapshots.forget(read.readId);
			this.snapshots.changed(target.getId());
		}
		read.saved(TOUCH_INTERVAL);
	}

	@Override
	public Session findById(String id) {
		Found found = FOUND.get();
		if (found != null && found.read != null && found.read.getId().equals(id)) {
			return found.read;
		}
		Read read = find(id);
		if (found != null) {
			found.read = read;
		}
		return read;
	}

	/**
	 * Runs a request with its session lookups remembered: Spring Session looks its
	 * session up again when it commits a second time (once when the response is complete,
	 * again when its filter ends), a second query per page view for the same row.
	 * Installed around Spring Session's filter; outside it every lookup reads.
	 */
	static Filter requestScope() {
		return (request, response, chain) -> {
			Found outer = FOUND.get();
			FOUND.set(new Found());
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (outer == null) {
					FOUND.remove();
				}
				else {
					FOUND.set(outer);
				}
			}
		};
	}

	private Read find(String id) {
		Optional<SessionSnapshots.Row> row = this.snapshots.row(id);
		if (row.isEmpty()) {
			this.snapshots.forget(id);
			return null;
		}
		if (!expired(row.get())) {
			Optional<Map<String, Object>> kept = this.snapshots.attributes(id, row.get());
			if (kept.isPresent()) {
				return new Read(new SnapshotSession(id, row.get(), kept.get(), () -> this.stored.findById(id)));
			}
		}
		// not kept, or expired: Spring Session's read (which deletes an expired session)
		Session session = this.stored.findById(id);
		if (session == null) {
			this.snapshots.forget(id);
			return null;
		}
		this.snapshots.keep(session, row.get());
		return new Read(session);
	}

	private static boolean expired(SessionSnapshots.Row row) {
		return row.maxInactiveSeconds() >= 0
				&& System.currentTimeMillis() - row.maxInactiveSeconds() * 1000L >= row.lastAccessTime();
	}

	@Override
	public void deleteById(String id) {
		Found found = FOUND.get();
		if (found != null) {
			found.read = null;
		}
		this.stored.deleteById(id);
		this.snapshots.forget(id);
	}

	@Override
	public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		// as read by id: a change saved through them moves their version
		Map<String, Session> found = new LinkedHashMap<>();
		this.stored.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Read(session)));
		return found;
	}

	private static final class Found {

		Read read;

	}

	/**
	 * A stored session as one request sees it: what it changed besides the last access,
	 * and the last access the database holds.
	 */
	private static final class Read implements Session {

		private final Session session;

		/** The id it was read by (a change of id leaves a copy kept under it). */
		private final String readId;

		private Instant storedLastAccess;

		private boolean changed;

		Read(Session session) {
			this.session = session;
			this.readId = session.getId();
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
