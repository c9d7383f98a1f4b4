package org.hostwright.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.hostwright.HostwrightApplication;
import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.accounts.NewAccount;
import org.hostwright.catalog.BillingPeriod;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database (the tests' database: PostgreSQL when
 * SPRING_DATASOURCE_URL names one, else an in-memory H2 both reach by its URL) run the
 * billing at the same moment: every renewal is invoiced once and the numbers stay
 * gapless, because the unique key and the counter lock live in the database, not in
 * either node.
 */
class TwoNodesRenewalTests {

	private static final int SERVICES = 60;

	@Test
	void twoInstancesRunningTheRenewalAtOnceMakeEachInvoiceOnce() throws Exception {
		String url = System.getenv("SPRING_DATASOURCE_URL");
		if (url == null || url.isBlank()) {
			url = "jdbc:h2:mem:two-nodes-" + System.nanoTime() + org.hostwright.support.H2Options.suffix()
					+ ";DB_CLOSE_DELAY=-1";
		}
		// one after the other: the first migrates the schema, the second finds it done
		try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
			Billing billing = first.getBean(Billing.class);
			Accounts accounts = first.getBean(Accounts.class);
			LocalDate start = billing.today().minusMonths(1);
			List<Long> subscriptions = new ArrayList<>();
			for (int c = 0; c < 3; c++) {
				Account customer = accounts.register(NewAccount.customer("Two Nodes " + c,
						"two-nodes-" + c + "-" + System.nanoTime() + "@example.test", "075400070" + c,
						"correct horse battery"));
				for (int i = 0; i < SERVICES / 3; i++) {
					long source = System.nanoTime();
					billing.startSubscription(new StartSubscription(StartSubscription.HOSTING, source, customer.id(),
							"Two nodes hosting", "TZS", 5_000 + i, BillingPeriod.MONTHLY, start, true));
					subscriptions.add(billing.subscriptionOf(StartSubscription.HOSTING, source).orElseThrow().id());
				}
			}

			List<BillingRun.Report> reports = BillingTestSupport.atOnce(billing.today(),
					first.getBean(BillingRun.class), second.getBean(BillingRun.class));

			JdbcClient jdbc = second.getBean(JdbcClient.class);
			for (long id : subscriptions) {
				assertThat(jdbc.sql("SELECT COUNT(*) FROM invoice_lines WHERE subscription_id = ?")
					.param(id)
					.query(Long.class)
					.single()).as("subscription " + id).isEqualTo(1);
			}
			assertThat(reports.get(0).steps().get("invoices") + reports.get(1).steps().get("invoices"))
				.as("between them, the two nodes made each invoice once")
				.isGreaterThanOrEqualTo(SERVICES);
			int year = billing.today().getYear();
			long count = jdbc.sql("SELECT COUNT(*) FROM invoices WHERE number_year = ? AND number_prefix = 'INV-'")
				.param(year)
				.query(Long.class)
				.single();
			long max = jdbc.sql("SELECT MAX(number_seq) FROM invoices WHERE number_year = ? AND number_prefix = 'INV-'")
				.param(year)
				.query(Long.class)
				.single();
			assertThat(max).as("gapless").isEqualTo(count);
		}
	}

	/** A whole application instance on a random port, on the given database. */
	private static ConfigurableApplicationContext node(String url) {
		return new SpringApplicationBuilder(HostwrightApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + url, "--hostwright.data-dir=target/test-data-two-nodes",
				"--spring.jmx.enabled=false");
	}

}
