package org.hostwright.support;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every full-stack test: the whole application on a random port (H2 in memory, or
 * the PostgreSQL that SPRING_DATASOURCE_URL names), sandbox simulators on, and a real
 * SMTP server (GreenMail) receiving the e-mails. All subclasses share one application
 * context, so tests must not assume an empty database: create your own data with unique
 * e-mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	/**
	 * One SMTP server for the whole test run (the context is shared, so is its mail
	 * port).
	 */
	protected static final GreenMail MAIL = startMail();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@DynamicPropertySource
	static void mailProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
		return mail;
	}

	protected String baseUrl() {
		return "http://localhost:" + port;
	}

	/**
	 * A browser-like HTTP session: cookies, CSRF tokens from forms, redirects by hand.
	 */
	protected WebSession web() {
		return new WebSession(baseUrl());
	}

	/** A JSON API client (bearer token optional). */
	protected ApiClient api() {
		return new ApiClient(baseUrl());
	}

	protected Mailbox mailbox() {
		return new Mailbox(MAIL);
	}

	/**
	 * A unique e-mail address for this test, so tests never collide in a shared database.
	 */
	protected static String uniqueEmail(String prefix) {
		return prefix + "-" + System.nanoTime() + "@example.test";
	}

	/**
	 * An outbox message's subject once it is rendered: mail with a model of plain values
	 * is rendered by its delivery job, after the sender's commit.
	 */
	protected String renderedSubject(long id) {
		return org.awaitility.Awaitility.await()
			.atMost(patience())
			.pollInterval(Duration.ofMillis(50))
			.until(() -> jdbc.sql("SELECT subject FROM outbox_messages WHERE id = ?")
				.param(id)
				.query(String.class)
				.list()
				.get(0), java.util.Objects::nonNull);
	}

	protected static Duration patience() {
		return Duration.ofSeconds(20);
	}

}
