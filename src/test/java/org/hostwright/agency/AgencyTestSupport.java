package org.hostwright.agency;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.hostwright.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Helpers for the agency tests: an admin API client and sites driven to any status
 * through the API.
 */
abstract class AgencyTestSupport extends IntegrationTest {

	static final String ADMIN = "admin@hostwright.local";

	static final String ADMIN_PASSWORD = "sandbox-admin-2026";

	private ApiClient admin;

	protected ApiClient admin() {
		if (admin == null) {
			admin = api().signIn(ADMIN, ADMIN_PASSWORD);
		}
		return admin;
	}

	protected static String unique(String prefix) {
		return prefix + " " + Long.toString(System.nanoTime(), 36);
	}

	protected static String uniqueDomain(String label) {
		return label + "-" + Long.toString(System.nanoTime(), 36) + ".lu";
	}

	protected JsonNode createSite(String businessName) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("business_name", businessName);
		body.put("contact_name", "Jean Müller");
		body.put("contact_email", uniqueEmail("jean"));
		body.put("contact_phone", "+352 26 123 456");
		var r = admin().post("/api/admin/hosting/sites", ApiClient.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json();
	}

	protected ApiClient.Response action(long id, String action, String json) {
		return admin().post("/api/admin/hosting/sites/" + id + "/" + action, json);
	}

	/**
	 * The site's POC viewer path (its unguessable token), from the API's
	 * {@code preview_url}.
	 */
	protected String previewPath(long id) {
		return admin().get("/api/admin/hosting/sites/" + id)
			.json()
			.get("preview_url")
			.asString()
			.replaceFirst("^https?://[^/]+", "");
	}

	protected String status(long id) {
		return admin().get("/api/admin/hosting/sites/" + id).json().get("status").asString();
	}

	/** A new site brought to {@code status} through the lifecycle endpoints. */
	protected long siteAt(String status) {
		long id = createSite(unique("Transition Test")).get("id").asLong();
		String[] path = switch (status) {
			case "draft" -> new String[] {};
			case "poc_ready" -> new String[] { "mark-poc-ready" };
			case "proposal_sent" -> new String[] { "mark-poc-ready", "send-proposal" };
			case "accepted" -> new String[] { "mark-poc-ready", "send-proposal", "accept" };
			case "live" -> new String[] { "mark-poc-ready", "send-proposal", "accept", "go-live" };
			case "suspended" -> new String[] { "mark-poc-ready", "send-proposal", "accept", "go-live", "suspend" };
			case "cancelled" -> new String[] { "cancel" };
			default -> throw new IllegalArgumentException(status);
		};
		for (String step : path) {
			var r = action(id, step, bodyFor(step));
			assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
		}
		assertThat(status(id)).isEqualTo(status);
		return id;
	}

	protected static String bodyFor(String action) {
		return switch (action) {
			case "send-proposal" -> "{\"notes\":\"Five pages and a domain\"}";
			case "go-live" -> "{\"domain\":\"" + uniqueDomain("live") + "\"}";
			default -> "{}";
		};
	}

	/**
	 * A raw HTTP/1.1 GET with any Host header (Java's HttpClient refuses to set Host).
	 */
	protected RawResponse getWithHost(String host, String path) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			String statusLine = in.readLine();
			Map<String, String> headers = new LinkedHashMap<>();
			String line;
			while ((line = in.readLine()) != null && !line.isEmpty()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
						line.substring(colon + 1).trim());
			}
			StringBuilder body = new StringBuilder();
			char[] buf = new char[8192];
			int n;
			while ((n = in.read(buf)) > 0) {
				body.append(buf, 0, n);
			}
			return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers, body.toString());
		}
	}

	record RawResponse(int status, Map<String, String> headers, String body) {
	}

}
