package org.hostwright.payments;

import java.net.URI;
import java.time.Duration;

import org.hostwright.platform.Links;
import org.hostwright.platform.SandboxMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where ZenoPay is and how to talk to it. In sandbox mode, unless a base URL is set
 * explicitly, the loopback simulator is used (it announces itself through
 * {@link SandboxMode}); the key defaults to the fixed sandbox key the simulator expects;
 * webhooks come back to this app on loopback.
 */
@Component
class ZenoPaySettings {

	/**
	 * The key the sandbox simulator expects and sends back in its webhooks when none is
	 * configured.
	 */
	static final String SANDBOX_KEY = "sandbox-zenopay-key";

	static final String PRODUCTION_URL = "https://zenoapi.com/api";

	private final SandboxMode sandbox;

	private final Links links;

	private final String baseUrl;

	private final String apiKey;

	private final String webhookUrl;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	@Autowired
	ZenoPaySettings(SandboxMode sandbox, Links links, ZenoPayProperties p) {
		this(sandbox, links, p.baseUrl(), p.apiKey(), p.webhookUrl(), p.connectTimeout(), p.readTimeout());
	}

	ZenoPaySettings(SandboxMode sandbox, Links links, String baseUrl, String apiKey, String webhookUrl,
			Duration connectTimeout, Duration readTimeout) {
		this.sandbox = sandbox;
		this.links = links;
		this.baseUrl = baseUrl == null ? "" : baseUrl.strip();
		this.apiKey = apiKey == null ? "" : apiKey.strip();
		this.webhookUrl = webhookUrl == null ? "" : webhookUrl.strip();
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
	}

	/** The same settings with another key (tests of the client's authentication). */
	ZenoPaySettings withApiKey(String key) {
		return new ZenoPaySettings(sandbox, links, baseUrl, key, webhookUrl, connectTimeout, readTimeout);
	}

	/** The API root without a trailing slash, e.g. {@code https://zenoapi.com/api}. */
	String baseUrl() {
		String url = !baseUrl.isEmpty() ? baseUrl : sandbox.enabled() ? sandbox.endpoint("zenopay")
			.map(URI::toString)
			.orElseThrow(() -> new GatewayException("The sandbox ZenoPay simulator is not running.", true, null))
				: PRODUCTION_URL;
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The merchant key: sent in x-api-key, and the only proof a webhook comes from
	 * ZenoPay. Empty = not configured.
	 */
	String apiKey() {
		return !apiKey.isEmpty() ? apiKey : sandbox.enabled() ? SANDBOX_KEY : "";
	}

	String webhookUrl() {
		if (sandbox.enabled()) {
			return links.loopbackUrl("/webhooks/zeno");
		}
		return !webhookUrl.isEmpty() ? webhookUrl : links.url("/webhooks/zeno");
	}

	Duration connectTimeout() {
		return connectTimeout;
	}

	Duration readTimeout() {
		return readTimeout;
	}

}
