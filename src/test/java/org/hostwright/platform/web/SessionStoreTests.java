package org.hostwright.platform.web;

import java.time.Instant;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one session adding the same attribute at once: both saves succeed and
 * the later value wins (a plain INSERT failed the second with a duplicate key, a 500).
 */
class SessionStoreTests extends IntegrationTest {

	@Autowired
	JdbcIndexedSessionRepository repository;

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void twoRequestsOfOneSessionAddTheSameAttribute() {
		// its session class is not public: used through the interface
		SessionRepository<Session> sessions = (SessionRepository) repository;
		Session created = sessions.createSession();
		sessions.save(created);
		Session first = sessions.findById(created.getId());
		Session second = sessions.findById(created.getId());

		first.setAttribute("hw.test", "first");
		second.setAttribute("hw.test", "second");
		sessions.save(first);
		sessions.save(second);

		assertThat(sessions.findById(created.getId()).<String>getAttribute("hw.test")).isEqualTo("second");
		sessions.deleteById(created.getId());
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void aRequestThatOnlyTouchesTheSessionWritesItOnceAMinute() {
		SessionRepository<Session> sessions = (SessionRepository) repository;
		Session created = sessions.createSession();
		Instant start = created.getLastAccessedTime();
		sessions.save(created);

		Session soon = sessions.findById(created.getId());
		soon.setLastAccessedTime(start.plusSeconds(20));
		sessions.save(soon);
		assertThat(storedLastAccess(created.getId())).as("20 s later: nothing written").isEqualTo(start.toEpochMilli());

		Session withAttribute = sessions.findById(created.getId());
		withAttribute.setLastAccessedTime(start.plusSeconds(30));
		withAttribute.setAttribute("hw.test", "x");
		sessions.save(withAttribute);
		assertThat(sessions.findById(created.getId()).<String>getAttribute("hw.test")).isEqualTo("x");

		Session later = sessions.findById(created.getId());
		later.setLastAccessedTime(start.plusSeconds(61));
		sessions.save(later);
		assertThat(storedLastAccess(created.getId())).as("a minute later: written")
			.isEqualTo(start.plusSeconds(61).toEpochMilli());

		Session renamed = sessions.findById(created.getId());
		String oldId = renamed.getId();
		String newId = renamed.changeSessionId();
		sessions.save(renamed);
		assertThat(sessions.findById(oldId)).isNull();
		assertThat(sessions.findById(newId)).isNotNull();
		sessions.deleteById(newId);
	}

	private long storedLastAccess(String sessionId) {
		return jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

}
