package org.hostwright.platform.web;

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

}
