package org.hostwright.platform;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.hostwright.platform.web.RequestTurns;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one way to call an outside system (the payment gateway, a hosting panel): Spring's
 * {@link RestClient} on Apache HttpClient (HTTP/1.1, pooled keep-alive connections,
 * redirects not followed, no automatic retry: each caller retries by its own rule), the
 * application's one JSON mapper, and the {@link SecretRedaction} interceptor, so every
 * client logs the same way and no key, password or token reaches a log. Every answer,
 * whatever its status, is handed back to the caller: each outside system has its own rule
 * for what a failure is (Webuzo answers HTTP 200 with an {@code error}).
 * <p>
 * A blocking client: the calling thread writes the request and reads the answer itself.
 * The JDK's client handed every call to its selector thread, a worker thread and (through
 * Spring's body publisher) a new thread for the body; on two busy cores each hand-off
 * waited for a core, and the threads setting up accounts in a sale spent most of their
 * time waiting for the panel's answers that way.
 */
@Component
public class OutsideCalls implements DisposableBean {

	/**
	 * Connections kept per address: one per thread that may call it at once (job threads,
	 * payment confirmations, requests starting a payment).
	 */
	static final int CONNECTIONS_PER_ADDRESS = 64;

	private final JsonMapper json;

	/** One pooled client per connect timeout. */
	private final Map<Duration, CloseableHttpClient> transports = new ConcurrentHashMap<>();

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

	/**
	 * What a call that got no answer tells about its request: a payment push that was
	 * never sent can be refused at once, one that may have arrived only a status call can
	 * settle.
	 */
	public enum Failure {

		/**
		 * Never sent: the address did not resolve, nothing listened, or no connection
		 * (new or pooled) was had within the connect timeout.
		 */
		NOT_SENT,

		/** Sent, and no answer within the read timeout: it may have arrived. */
		NO_ANSWER,

		/** The connection broke during the exchange: it may have arrived. */
		BROKEN;

		public static Failure of(IOException ex) {
			if (ex instanceof ConnectTimeoutException || ex instanceof ConnectException
					|| ex instanceof UnknownHostException || ex instanceof NoRouteToHostException
					|| ex instanceof ConnectionRequestTimeoutException) {
				return NOT_SENT;
			}
			return ex instanceof SocketTimeoutException ? NO_ANSWER : BROKEN;
		}

	}

	private RestClient build(Key key) {
		CloseableHttpClient transport = transports.computeIfAbsent(key.connectTimeout(), OutsideCalls::transport);
		HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(transport);
		// the longest wait for the answer's next bytes
		requests.setReadTimeout(key.readTimeout());
		return RestClient.builder()
			.requestFactory(requests)
			.configureMessageConverters(converters -> converters.registerDefaults()
				.withJsonConverter(new JacksonJsonHttpMessageConverter(json)))
			.requestInterceptor(new SecretRedaction(key.system(), json))
			// a request waiting for another system holds no turn of the request bulkhead
			.requestInterceptor((request, body, execution) -> RequestTurns.away(() -> execution.execute(request, body)))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	private static CloseableHttpClient transport(Duration connectTimeout) {
		Timeout connect = Timeout.of(connectTimeout);
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(connect)
					// a kept-alive connection idle for a while is checked before it is
					// reused (the other side may have closed it)
					.setValidateAfterInactivity(TimeValue.ofSeconds(2))
					.build())
				.setMaxConnPerRoute(CONNECTIONS_PER_ADDRESS)
				.setMaxConnTotal(4 * CONNECTIONS_PER_ADDRESS)
				.build())
			// waiting for a pooled connection counts as connecting
			.setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(connect).build())
			// the JVM's proxy settings (https.proxyHost, ...), as the JDK's client used
			.setRoutePlanner(new SystemDefaultRoutePlanner(ProxySelector.getDefault()))
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableContentCompression()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.build();
	}

	@Override
	public void destroy() throws IOException {
		for (CloseableHttpClient transport : transports.values()) {
			transport.close();
		}
	}

}
