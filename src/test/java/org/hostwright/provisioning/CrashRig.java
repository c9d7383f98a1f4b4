package org.hostwright.provisioning;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.hostwright.HostwrightApplication;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.Catalog;
import org.hostwright.catalog.Plan;
import org.hostwright.ordering.OrderView;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PlaceOrder;
import org.hostwright.payments.ManualPayments;
import org.hostwright.platform.SandboxMode;
import org.hostwright.sandbox.WebuzoSimulator;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the crash tests stand on: a database of their own (a fresh PostgreSQL database
 * when SPRING_DATASOURCE_URL names PostgreSQL, dropped afterwards; else an in-memory H2
 * every node reaches by its URL), a sandbox panel that outlives the nodes (as a real one
 * does) behind a {@link PanelGate}, whole application instances on that database, and a
 * kill that leaves what kill -9 leaves.
 */
final class CrashRig implements AutoCloseable {

	private static final String API_KEY = "crash-panel-key";

	private static final String H2_OPTIONS = org.hostwright.support.H2Options.suffix() + ";DB_CLOSE_DELAY=-1";

	final String url;

	private final Runnable dropDatabase;

	private final AnnotationConfigApplicationContext panelHost;

	final WebuzoSimulator panel;

	final PanelGate gate;

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	private final List<CountDownLatch> holds = new ArrayList<>();

	private CrashRig(String url, Runnable dropDatabase) throws IOException {
		this.url = url;
		this.dropDatabase = dropDatabase;
		this.panelHost = panelHost();
		this.panel = panelHost.getBean(WebuzoSimulator.class);
		this.gate = new PanelGate(panelHost.getBean(SandboxMode.class).endpoint("webuzo").orElseThrow());
	}

	static CrashRig start(String name) throws Exception {
		String shared = System.getenv("SPRING_DATASOURCE_URL");
		if (shared == null || !shared.startsWith("jdbc:postgresql:")) {
			String h2 = "jdbc:h2:mem:" + name + "-" + System.nanoTime() + H2_OPTIONS;
			String user = env("SPRING_DATASOURCE_USERNAME", "sa");
			String password = env("SPRING_DATASOURCE_PASSWORD", "");
			return new CrashRig(h2, () -> run(h2, user, password, "SHUTDOWN"));
		}
		// not the shared test database: the suite's cached application context polls its
		// jobs and would act as a third node, on its own sandbox panel
		String db = (name.replaceAll("[^A-Za-z0-9]", "_") + "_" + System.nanoTime()).toLowerCase(Locale.ROOT);
		String user = env("SPRING_DATASOURCE_USERNAME", "postgres");
		String password = env("SPRING_DATASOURCE_PASSWORD", "");
		run(shared, user, password, "CREATE DATABASE " + db);
		String own = shared.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + db);
		return new CrashRig(own, () -> run(shared, user, password, "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"));
	}

	/**
	 * A whole application instance on the rig's database, with short heartbeat and
	 * resubmission settings so a dead node's work moves within seconds. A node that will
	 * be killed gets a single listener thread, so a test can keep its after-commit
	 * listeners waiting ({@link #holdListeners}).
	 */
	ConfigurableApplicationContext node(boolean singleListenerThread) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--hostwright.data-dir=target/test-data-crash", "--spring.jmx.enabled=false",
				"--spring.main.banner-mode=off",
				// the panel behind the gate is the first panel server (seeded by the
				// first
				// node)
				"--hostwright.webuzo.admin-url=" + gate.url(), "--hostwright.webuzo.api-key=" + API_KEY,
				// a held call must not time out before the test kills its node
				"--hostwright.webuzo.timeout=60s", "--hostwright.provisioning.rate-limit=100",
				// dead after 4 x 500 ms without a heartbeat
				"--hostwright.jobs.heartbeat-interval=500ms", "--hostwright.jobs.missed-heartbeats=4",
				"--hostwright.events.resubmit-every=500ms", "--hostwright.events.resubmit-older-than=2s",
				// the revivals of dead executions are in the log
				"--logging.level.com.github.kagkarlsson.scheduler=INFO"));
		if (singleListenerThread) {
			args.addAll(List.of("--spring.threads.virtual.enabled=false", "--spring.task.execution.pool.core-size=1",
					"--spring.task.execution.pool.max-size=1"));
		}
		ConfigurableApplicationContext node = new SpringApplicationBuilder(HostwrightApplication.class)
			.run(args.toArray(String[]::new));
		nodes.add(node);
		return node;
	}

	/**
	 * Occupies the node's only listener thread until the node is killed: payments still
	 * commit, their {@code @ApplicationModuleListener}s wait in the queue (and, run after
	 * the kill, can write nothing).
	 */
	void holdListeners(ConfigurableApplicationContext node) throws InterruptedException {
		ThreadPoolTaskExecutor executor = node.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
		assertThat(executor.getMaxPoolSize()).as("listener threads").isEqualTo(1);
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		executor.execute(() -> {
			busy.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		assertThat(busy.await(20, TimeUnit.SECONDS)).as("the listener thread is free to take the hold").isTrue();
		holds.add(release);
	}

	/**
	 * Kills the node as the database and the panel see a kill -9: every connection is cut
	 * (its open transactions roll back, nothing it does afterwards is written), its panel
	 * calls end unanswered; then the rest of it is shut down.
	 */
	void kill(ConfigurableApplicationContext node) {
		node.getBean(HikariDataSource.class).close();
		gate.cut();
		// the executor's shutdown waits for its running task
		holds.forEach(CountDownLatch::countDown);
		node.close();
		nodes.remove(node);
	}

	static JdbcClient jdbc(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class);
	}

	static long customer(ConfigurableApplicationContext node, String name) {
		return node.getBean(Accounts.class)
			.register(NewAccount.customer(name,
					name.toLowerCase(Locale.ROOT).replace(' ', '-') + "-" + System.nanoTime() + "@example.test",
					"0712345678", "correct horse battery"))
			.id();
	}

	/**
	 * An order of the first demo plan, paid as an admin records a payment: one
	 * transaction stores the payment event, pays the invoice, marks the order paid and
	 * publishes {@code OrderPaid}.
	 */
	static OrderView pay(ConfigurableApplicationContext node, long customer, String domain) {
		Plan plan = node.getBean(Catalog.class).findBySlug("hollyn-lite").orElseThrow();
		OrderView order = node.getBean(Orders.class)
			.place(new PlaceOrder(customer, plan.id(), "+255712345678", domain, "crash test"));
		node.getBean(ManualPayments.class).record(order.uuid(), "CASH-" + order.id(), order.priceMinor());
		return order;
	}

	static String domain(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36) + ".co.tz";
	}

	@Override
	public void close() {
		holds.forEach(CountDownLatch::countDown);
		for (ConfigurableApplicationContext node : List.copyOf(nodes)) {
			node.close();
		}
		gate.close();
		panelHost.close();
		dropDatabase.run();
	}

	/** The sandbox Webuzo panel alone, with the key the nodes are given. */
	private static AnnotationConfigApplicationContext panelHost() {
		AnnotationConfigApplicationContext host = new AnnotationConfigApplicationContext();
		host.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("panel", Map.of("hostwright.sandbox", "true")));
		host.registerBean(SandboxMode.class);
		host.registerBean(WebuzoProperties.class, () -> new WebuzoProperties("", "", "key", "admin", API_KEY, "",
				Duration.ofSeconds(60), Duration.ofSeconds(5)));
		host.registerBean(WebuzoSimulator.class);
		host.refresh();
		return host;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	private static void run(String url, String user, String password, String sql) {
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
