package org.hostwright.billing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer's Invoices pages, the PDF, and paying an invoice by mobile money from its
 * page.
 */
class InvoicePagesTests extends BillingTestSupport {

	@Test
	void theCustomerSeesInvoicesDownloadsThePdfAndPaysByMobileMoney() {
		Account c = customer("0754000301");
		long id = billing.issue(c.id(), "TZS", billing.today().plusDays(14),
				List.of(LineDraft.simple("Hosting renewal", 1, 25_000)));
		Invoice invoice = billing.require(id);

		WebSession web = web();
		web.signIn(c.email(), PASSWORD);
		var list = web.open("/me/invoices");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"nav-invoices\"", invoice.number());
		var page = web.open("/me/invoices/" + id);
		assertThat(page.body()).contains(invoice.number(), "id=\"pay-mobile-money\"", "Hosting renewal", "18 %");
		assertThat(web().get("/me/invoices/" + id).status()).as("signed out: to the sign-in page").isEqualTo(302);

		var pdf = signedIn(c).get("/api/invoices/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(signedIn(customer("0754000302")).get("/api/invoices/" + id + "/pdf").status()).isEqualTo(404);

		var paying = web.post("/me/invoices/" + id + "/pay", Map.of("phone", "0754123456"));
		assertThat(paying.status()).isEqualTo(302);
		await().atMost(patience())
			.pollInterval(Duration.ofMillis(300))
			.until(() -> billing.require(id).status() == InvoiceStatus.PAID);
		assertThat(billing.require(id).amountPaidMinor()).isEqualTo(25_000);
		assertThat(signedIn(c).post("/api/invoices/" + id + "/pay", null).status()).isEqualTo(409);
	}

}
