package org.hostwright.agency;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.hostwright.support.ApiClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Agency client services are renewed by billing: invoiced to the client's account once
 * per period, never when one-time or not auto-renewing, and paying the invoice extends
 * the service by exactly one period.
 */
class ClientServiceRenewalTests extends AgencyTestSupport {

	@Test
	void anAutoRenewingServiceIsInvoicedToTheClientOnceAndPayingExtendsItOnce() {
		long site = siteAt("accepted");
		long client = admin().get("/api/admin/hosting/sites/" + site).json().get("merchant_id").asLong();
		LocalDate end = LocalDate.now(java.time.Clock.systemUTC()).plusDays(10);
		String periodEnd = end.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
		long renewing = service(site, "Website hosting", "monthly", true, periodEnd);
		long manual = service(site, "Mailboxes", "monthly", false, periodEnd);
		long once = service(site, "Logo design", "one_time", true, periodEnd);

		var run = admin().post("/api/admin/billing/run", null);
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(admin().post("/api/admin/billing/run", null).json().get("steps").get("invoices").asInt())
			.as("a rerun makes nothing")
			.isZero();
		List<Long> invoices = invoicesOf(client);
		assertThat(invoices).hasSize(1);
		var invoice = admin().get("/api/admin/invoices/" + invoices.get(0)).json();
		assertThat(invoice.get("customer_id").asLong()).isEqualTo(client);
		assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
		assertThat(invoice.get("total_cents").asLong()).isEqualTo(12_000);
		assertThat(invoice.get("due_date").asString()).isEqualTo(end.toString());
		var line = invoice.get("lines").get(0);
		assertThat(line.get("service_kind").asString()).isEqualTo("agency");
		assertThat(line.get("service_id").asLong()).isEqualTo(renewing);
		assertThat(line.get("period_start").asString()).isEqualTo(end.toString());
		assertThat(line.get("period_end").asString()).isEqualTo(end.plusMonths(1).minusDays(1).toString());
		assertThat(List.of(manual, once)).as("not auto-renewing, one-time: never invoiced")
			.allSatisfy(id -> assertThat(lineCount(id)).isZero());

		long invoiceId = invoices.get(0);
		var paid = admin().post("/api/admin/invoices/" + invoiceId + "/payments", ApiClient
			.json(Map.of("amount_cents", 12_000, "method", "bank_transfer", "reference", "AG-" + System.nanoTime())));
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		String extended = end.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> extended.equals(serviceJson(site, renewing).get("period_end").asString()));
		var service = serviceJson(site, renewing);
		assertThat(service.get("period_start").asString()).isEqualTo(periodEnd);
		assertThat(service.get("expires_at").asString()).isEqualTo(extended);

		// a second payment is the client's credit and extends nothing
		admin().post("/api/admin/invoices/" + invoiceId + "/payments",
				ApiClient.json(Map.of("amount_cents", 12_000, "method", "cash")));
		admin().post("/api/admin/billing/run", null);
		assertThat(serviceJson(site, renewing).get("period_end").asString()).isEqualTo(extended);
		assertThat(invoicesOf(client)).as("the next period is not in the window yet").hasSize(1);
	}

	private long service(long site, String name, String period, boolean autoRenew, String periodEnd) {
		var r = admin().post("/api/admin/hosting/sites/" + site + "/services",
				ApiClient.json(Map.of("service_type", "hosting", "name", name, "billing_period", period, "price_cents",
						12_000, "currency", "EUR", "auto_renew", autoRenew, "status", "active", "period_end", periodEnd,
						"expires_at", periodEnd)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private tools.jackson.databind.JsonNode serviceJson(long site, long id) {
		return admin().get("/api/admin/hosting/sites/" + site + "/services/" + id).json();
	}

	private List<Long> invoicesOf(long customer) {
		return jdbc.sql("SELECT id FROM invoices WHERE customer_id = ? ORDER BY id")
			.param(customer)
			.query(Long.class)
			.list();
	}

	private long lineCount(long serviceId) {
		return jdbc.sql("SELECT COUNT(*) FROM invoice_lines WHERE service_kind = 'agency' AND service_id = ?")
			.param(serviceId)
			.query(Long.class)
			.single();
	}

}
