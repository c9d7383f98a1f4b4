import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sale: N customers (bearer tokens {@code sale-<run>-<n>}, created by bench/run.sh in SQL) each
 * check out the plan and pay with mobile money, spread evenly over the given seconds. Prints how the
 * two requests went; the paid and active latencies are read from the database afterwards by run.sh.
 * <pre>
 * java bench/SaleDriver.java http://localhost:8085 RUN 1000 10
 * </pre>
 */
public class SaleDriver {

	private static final Pattern UUID_FIELD = Pattern.compile("\"order_uuid\"\\s*:\\s*\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String run = args[1];
		int n = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(32)).build();
		ScheduledExecutorService timer = Executors.newScheduledThreadPool(64);
		List<Long> checkoutMs = Collections.synchronizedList(new ArrayList<>());
		List<Long> payMs = Collections.synchronizedList(new ArrayList<>());
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		AtomicInteger done = new AtomicInteger();
		long start = System.nanoTime();
		for (int i = 1; i <= n; i++) {
			int customer = i;
			long at = (long) (i - 1) * seconds * 1000 / n;
			timer.schedule(() -> {
				try {
					String token = "hw_sale-" + run + "-" + customer;
					String phone = "0754" + String.format("%06d", customer);
					long t0 = System.nanoTime();
					HttpResponse<String> order = http.send(post(base + "/api/checkout", token,
							"{\"plan_slug\":\"hollyn-lite\",\"phone\":\"" + phone + "\"}"), HttpResponse.BodyHandlers.ofString());
					checkoutMs.add((System.nanoTime() - t0) / 1_000_000);
					outcomes.computeIfAbsent("checkout " + order.statusCode(), k -> new AtomicInteger()).incrementAndGet();
					Matcher m = UUID_FIELD.matcher(order.body());
					if (order.statusCode() != 201 || !m.find()) {
						return;
					}
					long t1 = System.nanoTime();
					HttpResponse<String> pay = http.send(post(base + "/api/orders/" + m.group(1) + "/pay", token, ""),
							HttpResponse.BodyHandlers.ofString());
					payMs.add((System.nanoTime() - t1) / 1_000_000);
					outcomes.computeIfAbsent("pay " + pay.statusCode(), k -> new AtomicInteger()).incrementAndGet();
				}
				catch (Exception ex) {
					outcomes.computeIfAbsent("error " + ex.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
				}
				finally {
					done.incrementAndGet();
				}
			}, at, TimeUnit.MILLISECONDS);
		}
		while (done.get() < n) {
			Thread.sleep(100);
		}
		double took = (System.nanoTime() - start) / 1e9;
		timer.shutdown();
		System.out.printf("sent %d checkouts + payments in %.1f s; outcomes %s%n", n, took, outcomes);
		System.out.printf("checkout request ms: %s%npay request ms:      %s%n", summary(checkoutMs), summary(payMs));
		System.exit(0);
	}

	private static HttpRequest post(String url, String token, String json) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build();
	}

	private static String summary(List<Long> values) {
		List<Long> v = new ArrayList<>(values);
		if (v.isEmpty()) {
			return "none";
		}
		Collections.sort(v);
		return String.format("p50 %d, p99 %d, max %d (n=%d)", v.get(v.size() / 2), v.get(Math.min(v.size() - 1, v.size() * 99 / 100)),
				v.get(v.size() - 1), v.size());
	}

}
