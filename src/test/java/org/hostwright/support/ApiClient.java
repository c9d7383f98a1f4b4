package org.hostwright.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON client for the API over real HTTP. */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private String token;

	public ApiClient(String base) {
		this.base = base;
	}

	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

	}

	public ApiClient withToken(String token) {
		this.token = token;
		return this;
	}

	/** Gets a bearer token for the account and uses it from now on. */
	public ApiClient signIn(String email, String password) {
		Response r = post("/api/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
		if (r.status() != 200) {
			throw new IllegalStateException("sign-in failed: " + r.status() + " " + r.body());
		}
		this.token = r.json().get("token").asString();
		return this;
	}

	public Response get(String path) {
		return send(builder(path).GET().build());
	}

	public Response post(String path, String json) {
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
			.build());
	}

	public Response put(String path, String json) {
		return send(builder(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response delete(String path) {
		return send(builder(path).DELETE().build());
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
		if (token != null) {
			b.header("Authorization", "Bearer " + token);
		}
		return b;
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(r.statusCode(), r.body(), r);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
