package org.hostwright.platform.web;

import java.util.EnumSet;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.hostwright.platform.Databases;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.SaveMode;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Session attributes written as upserts. Spring Session's plain INSERT fails with a
 * duplicate key when two requests of one session (a page and its htmx calls, two tabs)
 * add the same attribute at once, and the second request answered 500.
 * <p>
 * A request that changes nothing but the session's last access writes nothing either,
 * unless the stored last access is a minute old: Spring Session marks every request's
 * session as changed, and that UPDATE and its commit were most of a signed-in page view's
 * database cost. The session's expiry moves in steps of a minute instead of with every
 * request (a 30-minute session may end up to a minute early). Such a request does not
 * even open a transaction: {@link ThrottledTouchSessions} skips its save.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/** H2's upsert (it has no ON CONFLICT … DO UPDATE), parameters in the same order. */
	private static final String MERGE_ATTRIBUTE = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)""";

	/**
	 * Spring Session's UPDATE (same parameters, same order), skipped when only the last
	 * access moved, by less than a minute (60,000 ms).
	 */
	private static final String UPDATE_SESSION_WHEN_CHANGED = """
			UPDATE %TABLE_NAME% s
			SET SESSION_ID = p.sid, LAST_ACCESS_TIME = p.lat, MAX_INACTIVE_INTERVAL = p.mii, EXPIRY_TIME = p.exp,
			  PRINCIPAL_NAME = p.pn
			FROM (SELECT CAST(? AS CHAR(36)) AS sid, CAST(? AS BIGINT) AS lat, CAST(? AS INT) AS mii,
			  CAST(? AS BIGINT) AS exp, CAST(? AS VARCHAR(100)) AS pn, CAST(? AS CHAR(36)) AS pid) p
			WHERE s.PRIMARY_ID = p.pid
			  AND (s.SESSION_ID <> p.sid OR s.MAX_INACTIVE_INTERVAL <> p.mii OR s.PRINCIPAL_NAME IS DISTINCT FROM p.pn
			    OR p.lat - s.LAST_ACCESS_TIME >= 60000)""";

	/** H2's form of the same (it has no UPDATE … FROM). */
	private static final String MERGE_SESSION_WHEN_CHANGED = """
			MERGE INTO %TABLE_NAME% s
			USING (SELECT CAST(? AS CHAR(36)) AS sid, CAST(? AS BIGINT) AS lat, CAST(? AS INT) AS mii,
			  CAST(? AS BIGINT) AS exp, CAST(? AS VARCHAR(100)) AS pn, CAST(? AS CHAR(36)) AS pid) p
			ON s.PRIMARY_ID = p.pid
			WHEN MATCHED AND (s.SESSION_ID <> p.sid OR s.MAX_INACTIVE_INTERVAL <> p.mii
			    OR s.PRINCIPAL_NAME IS DISTINCT FROM p.pn OR p.lat - s.LAST_ACCESS_TIME >= 60000) THEN
			  UPDATE SET SESSION_ID = p.sid, LAST_ACCESS_TIME = p.lat, MAX_INACTIVE_INTERVAL = p.mii, EXPIRY_TIME = p.exp,
			    PRINCIPAL_NAME = p.pn""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpserts(DataSource dataSource) {
		if (Databases.isPostgreSql(dataSource)) {
			var upserts = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
			return repository -> {
				upserts.customize(repository);
				repository.setUpdateSessionQuery(UPDATE_SESSION_WHEN_CHANGED);
			};
		}
		return repository -> {
			repository.setCreateSessionAttributeQuery(MERGE_ATTRIBUTE);
			repository.setUpdateSessionQuery(MERGE_SESSION_WHEN_CHANGED);
		};
	}

	/**
	 * Just outside Spring Session's filter: see
	 * {@link ThrottledTouchSessions#requestScope}.
	 */
	@Bean
	FilterRegistrationBean<Filter> sessionLookupsPerRequest() {
		var registration = new FilterRegistrationBean<>(ThrottledTouchSessions.requestScope());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

	/**
	 * The session filter is given the repository through {@link ThrottledTouchSessions}
	 * (a post-processor: Spring Session's configuration creates both the repository and
	 * the filter), unless a save mode that rewrites attributes on read is configured.
	 */
	@Bean
	static BeanPostProcessor throttledSessionTouches(Environment environment,
			ObjectProvider<SessionSnapshots> snapshots) {
		SaveMode mode = Binder.get(environment)
			.bind("spring.session.jdbc.save-mode", SaveMode.class)
			.orElse(SaveMode.ON_SET_ATTRIBUTE);
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JdbcIndexedSessionRepository repository && mode == SaveMode.ON_SET_ATTRIBUTE) {
					return new ThrottledTouchSessions(repository, snapshots.getObject());
				}
				return bean;
			}
		};
	}

}
