package org.hostwright.platform;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one way to call an outside system (the payment gateway, a hosting panel): Spring's
 * {@link RestClient} on the JDK's HTTP client (HTTP/1.1, redirects not followed), the
 * application's one JSON mapper, and the {@link SecretRedaction} interceptor, so every
 * client logs the same way and no key, password or token reaches a log. Every answer,
 * whatever its status, is handed back to the caller: each outside system has its own rule
 * for what a failure is (Webuzo answers HTTP 200 with an {@code error}).
 */
@Component
public class OutsideCalls {

	private final JsonMapper json;

	/** One JDK client per connect timeout: each holds a selector thread. */
	private final Map<Duration, HttpClient> transports = new ConcurrentHashMap<>();

	private final Map<Key, RestClient> clients = new ConcurrentHashMap<>();

	private record Key(String system, Duration connectTimeout, Duration readTimeout) {
	}

	public OutsideCalls(JsonMapper json) {
		this.json = json;
	}

	/** The application's JSON mapper, to read and write the outside systems' bodies. */
	public JsonMapper json() {
		return json;
	}

	/**
	 * A client for {@code system} (the name its calls are logged under) that gives up
	 * connecting after {@code connectTimeout} and waiting for an answer after
	 * {@code readTimeout}.
	 */
	public RestClient client(String system, Duration connectTimeout, Duration readTimeout) {
		return clients.computeIfAbsent(new Key(system, connectTimeout, readTimeout), this::build);
	}

	/**
	 * Why a call got no answer, without the request's address: Spring's
	 * {@link ResourceAccessException} message repeats the whole URL, query credentials
	 * included, so callers keep only this cause.
	 */
	public static IOException failure(ResourceAccessException ex) {
		return ex.getCause() instanceof IOException io ? io : new IOException(ex.getClass().getSimpleName());
	}

	private RestClient build(Key key) {
		HttpClient transport = transports.computeIfAbsent(key.connectTimeout(),
				timeout -> HttpClient.newBuilder()
					.connectTimeout(timeout)
					.followRedirects(HttpClient.Redirect.NEVER)
					.version(HttpClient.Version.HTTP_1_1)
					.build());
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(transport);
		requests.setReadTimeout(key.readTimeout());
		return RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters(converters -> converters.registerDefaults()
				.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
			.requestInterceptor(new SecretRedaction(key.system(), json))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

}
