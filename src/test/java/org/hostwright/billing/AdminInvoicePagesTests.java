package org.hostwright.billing;

import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.NewAccount;
import org.hostwright.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin console's invoices and billing settings pages, every action audited. */
class AdminInvoicePagesTests extends BillingTestSupport {

	@Test
	void anAdminDownloadsTheInvoiceInTheCustomersLanguageNotTheirOwn() {
		Account c = customer("0754000402");
		jdbc.sql("UPDATE users SET language = 'fr' WHERE id = ?").param(c.id()).update();
		long id = billing.issue(c.id(), "TZS", billing.today(), List.of(LineDraft.simple("Hébergement", 1, 4_000)));
		WebSession web = adminWeb();
		assertThat(web.open("/admin/invoices/" + id).body()).contains("id=\"admin-invoice-pdf\"",
				"id=\"admin-invoice-document\"");

		var document = web.get("/admin/invoices/" + id + "/document");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body()).contains("Facturé à", billing.require(id).number()).doesNotContain("Billed to");
		var pdf = web.get("/admin/invoices/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(admin().get("/api/admin/invoices/" + id + "/pdf").status()).isEqualTo(200);
		assertThat(signedIn(c).get("/api/invoices/" + id + "/pdf").status()).isEqualTo(200);
		assertThat(signedIn(c).get("/api/admin/invoices/" + id + "/pdf").status()).as("customers are not admins")
			.isIn(403, 404);
	}

	@Test
	void anAdminFindsRecordsPaymentsCancelsExportsAndChangesSettings() {
		Account c = customer("0754000401");
		long paid = billing.issue(c.id(), "TZS", billing.today(), List.of(LineDraft.simple("Setup", 1, 4_000)));
		long open = billing.issue(c.id(), "TZS", billing.today(), List.of(LineDraft.simple("Domain", 1, 2_000)));
		String number = billing.require(paid).number();
		WebSession web = adminWeb();

		var list = web.open("/admin/invoices?customer=" + c.id());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"nav-admin-invoices\"", number, billing.require(open).number());
		assertThat(web.open("/admin/invoices?q=" + number).body()).doesNotContain(billing.require(open).number());

		web.open("/admin/invoices/" + paid);
		var recorded = web.post("/admin/invoices/" + paid + "/payments",
				Map.of("amount_cents", "4000", "method", "bank_transfer", "reference", "BANK-" + paid));
		assertThat(recorded.status()).isEqualTo(302);
		assertThat(billing.require(paid).status()).isEqualTo(InvoiceStatus.PAID);
		web.open("/admin/invoices/" + open);
		web.post("/admin/invoices/" + open + "/cancel", Map.of());
		assertThat(billing.require(open).status()).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(audits("invoice.payment_recorded", number)).isEqualTo(1);
		assertThat(audits("invoice.cancelled", billing.require(open).number())).isEqualTo(1);

		var csv = web.get("/admin/invoices.csv?customer=" + c.id());
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("number,status").contains(number + ",paid");

		var settings = web.open("/admin/billing/settings");
		assertThat(settings.body()).contains("TZ:18", "id=\"billing-settings-form\"");
		var bad = web.post("/admin/billing/settings",
				Map.of("invoice_prefix", "", "renewal_lead_days", "x", "tax_rates", "TZ=18"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid");
	}

	private WebSession adminWeb() {
		String email = uniqueEmail("billing-admin-web");
		accounts.register(NewAccount.customer("Billing Admin", email, null, PASSWORD));
		jdbc.sql("UPDATE users SET role = 'ADMIN' WHERE email = ?").param(email).update();
		WebSession web = web();
		web.signIn(email, PASSWORD);
		return web;
	}

	private long audits(String action, String objectId) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND object_id = ?")
			.params(action, objectId)
			.query(Long.class)
			.single();
	}

}
