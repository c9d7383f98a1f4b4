package org.hostwright.platform.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How sessions are stored. Two requests of one session adding the same attribute at once:
 * both saves succeed and the later value wins (a plain INSERT failed the second with a
 * duplicate key, a 500). A request that only touches its session writes nothing, and
 * opens no transaction, until the stored last access is a minute old. A node reading a
 * session again uses the attributes it deserialised while the stored version has not
 * moved; every change moves it.
 */
class SessionStoreTests extends IntegrationTest {

	@Autowired
	SessionRepository<?> repository;

	@Autowired
	DataSource dataSource;

	@Autowired
	ObjectProvider<SessionRepositoryCustomizer<JdbcIndexedSessionRepository>> customizers;

	@Test
	void twoRequestsOfOneSessionAddTheSameAttribute() {
		SessionRepository<Session> sessions = sessions();
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
	void theSessionFilterSavesThroughTheThrottledRepository() {
		assertThat(repository).isInstanceOf(ThrottledTouchSessions.class);
	}

	@Test
	void aRequestThatOnlyTouchesTheSessionWritesItOnceAMinute() {
		SessionRepository<Session> sessions = sessions();
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
		assertThat(storedLastAccess(created.getId())).as("an attribute 30 s later: the last access not written")
			.isEqualTo(start.toEpochMilli());

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

	@Test
	void aSessionOnlyTouchedWithinTheMinuteTakesNoConnectionAndAChangeIsSavedAtOnce() {
		// the application's repository, configured the same way, on a data source and a
		// transaction manager that count
		CountingDataSource counted = new CountingDataSource(dataSource);
		CountingTransactions transactions = new CountingTransactions(new DataSourceTransactionManager(counted));
		JdbcIndexedSessionRepository stored = new JdbcIndexedSessionRepository(new JdbcTemplate(counted), transactions);
		customizers.orderedStream().forEach(customizer -> customizer.customize(stored));
		SessionRepository<Session> sessions = new ThrottledTouchSessions(stored, new SessionSnapshots(counted));
		Session created = sessions.createSession();
		Instant start = created.getLastAccessedTime();
		sessions.save(created);

		Session touched = sessions.findById(created.getId());
		touched.setLastAccessedTime(start.plusSeconds(59));
		counted.connections.set(0);
		transactions.count.set(0);
		sessions.save(touched);
		assertThat(transactions.count).as("transactions").hasValue(0);
		assertThat(counted.connections).as("connections").hasValue(0);

		Session changed = sessions.findById(created.getId());
		changed.setLastAccessedTime(start.plusSeconds(59));
		changed.setAttribute("hw.test", "x");
		transactions.count.set(0);
		sessions.save(changed);
		assertThat(transactions.count).hasValue(1);
		assertThat(sessions().findById(created.getId()).<String>getAttribute("hw.test")).isEqualTo("x");

		Session aMinuteLater = sessions.findById(created.getId());
		aMinuteLater.setLastAccessedTime(start.plusSeconds(60));
		transactions.count.set(0);
		sessions.save(aMinuteLater);
		assertThat(transactions.count).hasValue(1);
		assertThat(storedLastAccess(created.getId())).isEqualTo(start.plusSeconds(60).toEpochMilli());
		sessions.deleteById(created.getId());
	}

	@Test
	void aSessionReadAgainUnchangedIsNotDeserialisedAgainAndAChangeOnAnotherNodeIsSeen() {
		SessionRepository<Session> node1 = node();
		SessionRepository<Session> node2 = node();
		Session created = node1.createSession();
		created.setAttribute("hw.list", new ArrayList<>(List.of("a")));
		node1.save(created);

		Object first = node1.findById(created.getId()).getAttribute("hw.list");
		Object again = node1.findById(created.getId()).getAttribute("hw.list");
		assertThat(again).as("the copy this node kept").isSameAs(first).isEqualTo(List.of("a"));

		Session elsewhere = node2.findById(created.getId());
		elsewhere.setAttribute("hw.list", new ArrayList<>(List.of("b")));
		node2.save(elsewhere);
		assertThat(node1.findById(created.getId()).<List<String>>getAttribute("hw.list"))
			.as("changed on the other node: read again")
			.containsExactly("b");

		node2.deleteById(created.getId());
		assertThat(node1.findById(created.getId())).as("deleted on the other node").isNull();
	}

	@Test
	void aSessionFoundByItsPrincipalAndChangedIsReadAgainByANodeThatKeptIt() {
		SessionRepository<Session> node1 = node();
		var node2 = (ThrottledTouchSessions) node();
		String principal = "hw-principal-" + System.nanoTime();
		Session created = node1.createSession();
		created.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, principal);
		created.setAttribute("hw.a", "1");
		node1.save(created);
		node1.findById(created.getId()); // kept

		Session found = node2.findByPrincipalName(principal).get(created.getId());
		found.setAttribute("hw.a", "2");
		node2.save(found);
		assertThat(node1.findById(created.getId()).<String>getAttribute("hw.a")).isEqualTo("2");
		node1.deleteById(created.getId());
	}

	@Test
	void aChangeToAKeptSessionIsSavedOnTheStoredOne() {
		SessionRepository<Session> node1 = node();
		SessionRepository<Session> node2 = node();
		Session created = node1.createSession();
		created.setAttribute("hw.a", "1");
		node1.save(created);
		node1.findById(created.getId()); // kept

		Session kept = node1.findById(created.getId());
		// written by the other node after node1 kept its copy, before node1's change
		Session elsewhere = node2.findById(created.getId());
		elsewhere.setAttribute("hw.b", "2");
		node2.save(elsewhere);
		kept.setAttribute("hw.c", "3");
		node1.save(kept);

		Session stored = node2.findById(created.getId());
		assertThat(stored.getAttributeNames()).contains("hw.a", "hw.b", "hw.c");

		Session renamed = node1.findById(created.getId());
		String newId = renamed.changeSessionId();
		node1.save(renamed);
		assertThat(node1.findById(created.getId())).isNull();
		assertThat(node2.findById(newId).<String>getAttribute("hw.c")).isEqualTo("3");
		node1.deleteById(newId);
	}

	@Test
	void aSessionDeletedWhileARequestHoldsItsKeptCopyIsNotWrittenBack() {
		SessionRepository<Session> node1 = node();
		Session created = node1.createSession();
		node1.save(created);
		node1.findById(created.getId());
		Session kept = node1.findById(created.getId());
		node().deleteById(created.getId());

		kept.setAttribute("hw.late", "x");
		node1.save(kept);
		assertThat(node1.findById(created.getId())).isNull();
	}

	@Test
	void aRequestLooksItsSessionUpOnceAndOutsideARequestEveryLookupReads() throws Exception {
		CountingDataSource counted = new CountingDataSource(dataSource);
		JdbcIndexedSessionRepository stored = new JdbcIndexedSessionRepository(new JdbcTemplate(counted),
				new TransactionTemplate(new DataSourceTransactionManager(counted)));
		customizers.orderedStream().forEach(customizer -> customizer.customize(stored));
		SessionRepository<Session> sessions = new ThrottledTouchSessions(stored, new SessionSnapshots(counted));
		Session created = sessions.createSession();
		sessions.save(created);

		List<Session> found = new ArrayList<>();
		ThrottledTouchSessions.requestScope()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
				found.add(sessions.findById(created.getId()));
				counted.connections.set(0);
				// Spring Session's second commit looks the session up again
				found.add(sessions.findById(created.getId()));
				assertThat(counted.connections).as("connections for the second lookup").hasValue(0);
			});
		assertThat(found.get(1)).isSameAs(found.get(0));

		counted.connections.set(0);
		assertThat(sessions.findById(created.getId())).isNotSameAs(found.get(0));
		assertThat(counted.connections).as("outside a request").hasValue(1);
		sessions.deleteById(created.getId());
	}

	/** A node's session repository: the application's, configured the same way. */
	private SessionRepository<Session> node() {
		JdbcIndexedSessionRepository stored = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
		customizers.orderedStream().forEach(customizer -> customizer.customize(stored));
		return new ThrottledTouchSessions(stored, new SessionSnapshots(dataSource));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private SessionRepository<Session> sessions() {
		// Spring Session's session class is not public: used through the interface
		return (SessionRepository) repository;
	}

	private long storedLastAccess(String sessionId) {
		return jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private static final class CountingDataSource extends DelegatingDataSource {

		final AtomicInteger connections = new AtomicInteger();

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			connections.incrementAndGet();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			connections.incrementAndGet();
			return super.getConnection(username, password);
		}

	}

	private static final class CountingTransactions extends TransactionTemplate {

		final AtomicInteger count = new AtomicInteger();

		CountingTransactions(PlatformTransactionManager manager) {
			super(manager);
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			count.incrementAndGet();
			return super.execute(action);
		}

	}

}
