package org.hostwright.platform;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outside-call interceptor logs requests and answers at DEBUG without any key,
 * password or token, and a failed call's exception does not carry the address's query
 * credentials.
 */
class SecretRedactionTests {

	private static final String KEY = "key-7f3a9c";

	private static final String PASSWORD = "Pw-5b2e81";

	private static final String TOKEN = "tok-c4d019";

	private final OutsideCalls calls = new OutsideCalls(JsonMapper.builder().build());

	private final Logger logger = (Logger) LoggerFactory.getLogger(SecretRedaction.class);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private Level level;

	private HttpServer server;

	@BeforeEach
	void listen() throws Exception {
		level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logged.start();
		logger.addAppender(logged);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = ("{\"done\":{\"url\":\"https://panel/sess" + TOKEN + "\"},\"token\":\"" + TOKEN
					+ "\",\"user\":\"alice\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("Set-Cookie", "session=" + TOKEN);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		logger.detachAppender(logged);
		logger.setLevel(level);
	}

	@Test
	void loggedRequestAndAnswerCarryNoSecret() {
		URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/index.php?act=sso&apikey=" + KEY);
		ResponseEntity<String> answer = calls.client("test", Duration.ofSeconds(2), Duration.ofSeconds(2))
			.post()
			.uri(uri)
			.header("x-api-key", KEY)
			.headers(h -> h.setBasicAuth("admin", PASSWORD))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body("user=alice&user_passwd=" + PASSWORD + "&apikey=" + KEY)
			.retrieve()
			.toEntity(String.class);

		// the caller still reads the whole answer, secrets included
		assertThat(answer.getBody()).contains(TOKEN);
		String log = String.join("\n", messages());
		assertThat(log).contains("act=sso", "user=alice", "\"user\":\"alice\"", "HTTP 200", SecretRedaction.REDACTED)
			.doesNotContain(KEY)
			.doesNotContain(PASSWORD)
			.doesNotContain(TOKEN);
	}

	@Test
	void jsonBodiesAreRedactedByKeyAtAnyDepth() {
		URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/payments");
		calls.client("test", Duration.ofSeconds(2), Duration.ofSeconds(2))
			.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("order_id", "o-1", "metadata", Map.of("api_key", KEY, "password", PASSWORD)))
			.retrieve()
			.toEntity(String.class);
		assertThat(String.join("\n", messages())).contains("o-1").doesNotContain(KEY).doesNotContain(PASSWORD);
	}

	@Test
	void failedCallsExceptionCarriesNoQueryCredentials() {
		// nothing listens on the discard port
		URI uri = URI.create("http://127.0.0.1:9/index.php?act=sso&apikey=" + KEY);
		assertThatThrownBy(() -> calls.client("test", Duration.ofSeconds(1), Duration.ofSeconds(1))
			.get()
			.uri(uri)
			.retrieve()
			.toEntity(String.class)).isInstanceOfSatisfying(ResourceAccessException.class, ex -> {
				assertThat(chain(OutsideCalls.failure(ex))).doesNotContain(KEY);
			});
		assertThat(String.join("\n", messages())).contains("no answer").doesNotContain(KEY);
	}

	@Test
	void namesAreSecretByWhatTheyHold() {
		assertThat(List.of("apikey", "X-API-Key", "user_passwd", "Authorization", "refresh_token", "client_secret"))
			.allMatch(SecretRedaction::isSecret);
		assertThat(List.of("user", "apiuser", "order_id", "webhook_url", "domain"))
			.noneMatch(SecretRedaction::isSecret);
		assertThat(SecretRedaction.fields(Map.of("apikey", KEY))).isEqualTo("apikey=[redacted]");
	}

	private List<String> messages() {
		return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	static String chain(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			messages.add(t.toString());
		}
		return String.join(" <- ", messages);
	}

}
