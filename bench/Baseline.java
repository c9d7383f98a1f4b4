import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The raw baseline of the benchmarks: the JDK's own HTTP server and plain JDBC (a fixed set of
 * connections, no framework), reading the same plan rows from the same database on every request.
 * <ul>
 * <li>{@code GET /api/plans}: the active plans as JSON (what {@code GET /api/plans} answers);</li>
 * <li>{@code GET /}: a small HTML page listing them (the storefront's job, without layout);</li>
 * <li>{@code POST /webhooks/zeno}: stores the raw body once per SHA-256 (a table of its own) and answers 200.</li>
 * </ul>
 * <pre>
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar bench/Baseline.java \
 *   jdbc:postgresql://127.0.0.1:5432/hw_perf postgres 8091
 * </pre>
 */
public class Baseline {

	private static final java.util.concurrent.atomic.AtomicInteger errors = new java.util.concurrent.atomic.AtomicInteger();

	private static final String PLANS = "SELECT slug, name, description, price_minor, currency, billing_period FROM plans "
			+ "WHERE active = TRUE ORDER BY sort_order, id";

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String user = args.length > 1 ? args[1] : "postgres";
		int port = args.length > 2 ? Integer.parseInt(args[2]) : 8091;
		int connections = 16;
		BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
		for (int i = 0; i < connections; i++) {
			pool.add(DriverManager.getConnection(url, user, ""));
		}
		try (var st = pool.peek().createStatement()) {
			st.execute("CREATE TABLE IF NOT EXISTS bench_raw_events (fingerprint VARCHAR(64) PRIMARY KEY, payload TEXT NOT NULL)");
		}
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
		server.setExecutor(Executors.newFixedThreadPool(connections));
		server.createContext("/api/plans", ex -> withConnection(pool, ex, c -> send(ex, "application/json", json(c))));
		server.createContext("/webhooks/zeno", ex -> withConnection(pool, ex, c -> {
			byte[] body = ex.getRequestBody().readAllBytes();
			try (PreparedStatement ps = c.prepareStatement(
					"INSERT INTO bench_raw_events (fingerprint, payload) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
				ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
				ps.setString(2, new String(body, StandardCharsets.UTF_8));
				ps.executeUpdate();
			}
			catch (java.security.NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
			send(ex, "application/json", "{\"received\":true}");
		}));
		server.createContext("/", ex -> withConnection(pool, ex, c -> send(ex, "text/html;charset=UTF-8", html(c))));
		server.start();
		System.out.println("Baseline on http://127.0.0.1:" + port + " (" + url + ")");
	}

	interface Handler {

		void handle(Connection c) throws SQLException, IOException;

	}

	private static void withConnection(BlockingQueue<Connection> pool, HttpExchange ex, Handler handler) throws IOException {
		Connection c = null;
		try {
			c = pool.take();
			handler.handle(c);
		}
		catch (Exception e) {
			if (errors.incrementAndGet() <= 3) {
				e.printStackTrace();
			}
			send(ex, 500, "text/plain", e.toString());
		}
		finally {
			if (c != null) {
				pool.add(c);
			}
			ex.close();
		}
	}

	private static String json(Connection c) throws SQLException {
		StringBuilder sb = new StringBuilder("[");
		try (PreparedStatement ps = c.prepareStatement(PLANS); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				if (sb.length() > 1) {
					sb.append(',');
				}
				sb.append("{\"slug\":\"").append(esc(rs.getString(1))).append("\",\"name\":\"").append(esc(rs.getString(2)))
					.append("\",\"description\":\"").append(esc(rs.getString(3))).append("\",\"price_cents\":")
					.append(rs.getLong(4)).append(",\"currency\":\"").append(rs.getString(5)).append("\",\"billing_period\":\"")
					.append(rs.getString(6).toLowerCase()).append("\"}");
			}
		}
		return sb.append(']').toString();
	}

	private static String html(Connection c) throws SQLException {
		StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>Plans</title></head><body><h1>Hosting plans</h1><ul>");
		try (PreparedStatement ps = c.prepareStatement(PLANS + " LIMIT 4"); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				sb.append("<li><a href=\"/checkout/").append(esc(rs.getString(1))).append("\">").append(esc(rs.getString(2)))
					.append("</a> ").append(rs.getLong(4) / 100).append(' ').append(rs.getString(5)).append("</li>");
			}
		}
		return sb.append("</ul></body></html>").toString();
	}

	private static String esc(String s) {
		return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "&lt;").replace("\n", " ");
	}

	private static void send(HttpExchange ex, String type, String body) throws IOException {
		send(ex, 200, type, body);
	}

	private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", type);
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}

}
