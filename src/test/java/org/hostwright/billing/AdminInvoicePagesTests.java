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
	void anAdminWritesAOneOffInvoiceForACustomerFoundBySearchAndErrorsKeepWhatWasTyped() {
		String name = "Oneoff " + Long.toString(System.nanoTime(), 36);
		Account c = accounts.register(NewAccount.customer(name, uniqueEmail("oneoff"), "0754000403", PASSWORD));
		WebSession web = adminWeb();
		var list = web.open("/admin/invoices");
		assertThat(list.body()).contains("id=\"new-invoice\"");
		var page = web.open("/admin/invoices/new");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"one-off-form\"", "id=\"customerQ\"", "lines[4].unitPrice");
		var matches = web.get("/admin/invoices/new/customers?customerQ=" + name.replace(' ', '+'));
		assertThat(matches.body()).contains("value=\"" + c.id() + "\"", name);

		Map<String, String> typed = new java.util.HashMap<>(
				Map.of("customerQ", name, "currency", "TZS", "dueDate", "2026-13-01", "lines[0].description",
						"Website setup", "lines[0].quantity", "x", "lines[0].unitPrice", "abc"));
		var bad = web.post("/admin/invoices/new", typed);
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("is-invalid", "id=\"customerId-error\"", "id=\"dueDate-error\"")
			.contains("value=\"Website setup\"", "value=\"abc\"", "value=\"2026-13-01\"")
			.contains("value=\"" + c.id() + "\"");

		typed.putAll(Map.of("customerId", String.valueOf(c.id()), "dueDate", billing.today().plusDays(7).toString(),
				"lines[0].quantity", "1", "lines[0].unitPrice", "25,000", "lines[2].description", "Domain name",
				"lines[2].quantity", "2", "lines[2].unitPrice", "1500"));
		var issued = web.post("/admin/invoices/new", typed);
		assertThat(issued.status()).as(issued.body()).isEqualTo(302);
		long id = Long.parseLong(issued.location().replaceAll(".*/admin/invoices/", ""));
		Invoice invoice = billing.require(id);
		assertThat(invoice.customerId()).isEqualTo(c.id());
		assertThat(invoice.totalMinor()).as("prices typed in shillings").isEqualTo(2_800_000);
		assertThat(invoice.lines()).extracting(Invoice.Line::description)
			.containsExactly("Website setup", "Domain name");
		assertThat(invoice.dueDate()).isEqualTo(billing.today().plusDays(7));
		assertThat(audits("invoice.created", invoice.number())).isEqualTo(1);
		assertThat(web.follow(issued).body()).contains(invoice.number());
	}

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
		assertThat(document.body()).as("dates in French too").contains(frenchDate(billing.today()));
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

	private static String frenchDate(java.time.LocalDate d) {
		return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
			.withLocale(java.util.Locale.FRENCH)
			.format(d);
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
