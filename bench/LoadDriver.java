import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small load driver for the admin console: signs in once on the web (session cookie) and once on
 * the API (bearer token), then requests every route of a route file with a fixed concurrency, and
 * prints p50/p95/p99/max per route and overall (milliseconds, full response read).
 *
 * <pre>
 * java bench/LoadDriver.java http://localhost:8085 admin@hostwright.local 'password' bench/routes.txt 4 200
 * </pre>
 * Arguments: base URL, admin e-mail, password, route file, concurrency, requests per route (after a
 * warm-up of 20 per route). Lines of the route file: {@code WEB /admin/users?q=mushi} or
 * {@code API /api/admin/orders?status=PENDING}; {@code #} starts a comment.
 */
public class LoadDriver {

	record Route(boolean api, String path) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String email = args[1];
		String password = args[2];
		List<Route> routes = Files.readAllLines(Path.of(args[3]))
			.stream()
			.map(String::strip)
			.filter(l -> !l.isEmpty() && !l.startsWith("#"))
			.map(l -> new Route(l.startsWith("API"), l.substring(l.indexOf(' ') + 1).strip()))
			.toList();
		int concurrency = Integer.parseInt(args[4]);
		int perRoute = Integer.parseInt(args[5]);

		CookieManager cookies = new CookieManager();
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		HttpClient web = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String loginPage = web.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on /login");
		}
		String form = "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
		var signedIn = web.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("web sign-in failed");
		}
		HttpClient apiClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		String tokenJson = apiClient.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher t = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(tokenJson);
		if (!t.find()) {
			throw new IllegalStateException("no API token: " + tokenJson);
		}
		String token = t.group(1);

		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Long> all = new ArrayList<>();
		System.out.printf("%-70s %6s %7s %7s %7s %7s %s%n", "route", "n", "p50", "p95", "p99", "max", "status");
		for (Route route : routes) {
			run(pool, web, apiClient, token, base, route, 20); // warm-up
			long[] times = run(pool, web, apiClient, token, base, route, perRoute);
			Arrays.sort(times);
			for (long v : times) {
				all.add(v);
			}
			System.out.printf("%-70s %6d %7.1f %7.1f %7.1f %7.1f %s%n", (route.api() ? "API " : "WEB ") + route.path(),
					times.length, ms(pct(times, 50)), ms(pct(times, 95)), ms(pct(times, 99)), ms(times[times.length - 1]),
					lastStatus);
		}
		long[] total = all.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%-70s %6d %7.1f %7.1f %7.1f %7.1f%n", "ALL ROUTES", total.length, ms(pct(total, 50)),
				ms(pct(total, 95)), ms(pct(total, 99)), ms(total[total.length - 1]));
		pool.shutdown();
	}

	static volatile String lastStatus = "";

	static long[] run(ExecutorService pool, HttpClient web, HttpClient api, String token, String base, Route route,
			int n) throws Exception {
		long[] times = new long[n];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger bad = new AtomicInteger();
		List<Future<?>> futures = new ArrayList<>();
		int workers = Math.min(n, ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize());
		for (int w = 0; w < workers; w++) {
			futures.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < n) {
					HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + route.path()))
						.timeout(Duration.ofSeconds(30));
					if (route.api()) {
						b.header("Authorization", "Bearer " + token);
					}
					long start = System.nanoTime();
					try {
						HttpResponse<byte[]> r = (route.api() ? api : web).send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
						times[i] = System.nanoTime() - start;
						if (r.statusCode() != 200) {
							bad.incrementAndGet();
							lastStatus = "HTTP " + r.statusCode();
						}
					}
					catch (Exception ex) {
						times[i] = System.nanoTime() - start;
						bad.incrementAndGet();
						lastStatus = ex.toString();
					}
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		lastStatus = bad.get() == 0 ? "all 200" : bad.get() + " not 200 (" + lastStatus + ")";
		return times;
	}

	static long pct(long[] sorted, int p) {
		int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
	}

	static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
