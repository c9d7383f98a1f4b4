package org.hostwright.payments;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** ZenoPay's webhook as the gateway sends it, to a running application. */
final class GatewayWebhooks {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private GatewayWebhooks() {
	}

	/**
	 * Posts {@code body} with the merchant key {@code key} (none when null) and a
	 * {@code cookie} header (none when null).
	 */
	static HttpResponse<String> post(String baseUrl, String key, String body, String cookie) {
		var request = HttpRequest.newBuilder(URI.create(baseUrl + ZenoWebhookEndpoint.PATH))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("x-api-key", key);
		}
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
