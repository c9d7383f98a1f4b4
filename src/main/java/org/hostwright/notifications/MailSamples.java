package org.hostwright.notifications;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.platform.Links;
import org.hostwright.platform.Money;

/**
 * Made-up values for the preview of an e-mail an admin is rewriting: one set that covers
 * the variables the mail templates use, so every e-mail previews with realistic text.
 */
final class MailSamples {

	/** A line of the agency's renewal digest. */
	record DigestLine(String businessName, String serviceName, LocalDate date, boolean autoRenew) {
	}

	private MailSamples() {
	}

	static Map<String, Object> model(Links links, LocalDate today) {
		Map<String, Object> m = new HashMap<>();
		m.put("name", "Amina Juma");
		m.put("email", "amina@example.co.tz");
		m.put("domain", "duka-la-amina.co.tz");
		m.put("planName", "Biashara");
		m.put("username", "dukaamin");
		m.put("hours", 24);
		m.put("attempts", 3);
		m.put("reason", "The control panel did not answer.");
		m.put("serviceId", 42L);
		m.put("orderUuid", "3f6c1a52-8d0e-4b8e-9c1f-7a2d5e6b9c10");
		m.put("reference", "MP2612024HX7");
		m.put("method", "M-Pesa");
		m.put("amount", Money.of(1_500_000, "TZS"));
		m.put("price", Money.of(49_00, "EUR"));
		m.put("businessName", "Boulangerie Weber");
		m.put("agencyName", "Atelier Web Luxembourg");
		m.put("agencyColor", "#0d9488");
		m.put("notes", "Three pages, a contact form and your opening hours.");
		m.put("day", today);
		// the overdue-invoice mail (its subject and body keys are chosen per step)
		m.put("subjectKey", "mail.overdue.reminder.subject");
		m.put("bodyKey", "mail.overdue.reminder.body");
		m.put("number", "INV-2026-000042");
		m.put("dueDate", today.plusDays(3));
		m.put("on", today.plusDays(3));
		m.put("service", "duka-la-amina.co.tz");
		m.put("paid", false);
		m.put("upcoming", List.of(new DigestLine("Boulangerie Weber", "SSL certificate", today.plusDays(12), true)));
		m.put("expired",
				List.of(new DigestLine("Garage Muller", "Domain garage-muller.lu", today.minusDays(3), false)));
		for (String url : List.of("credentialsUrl", "orderUrl", "previewUrl", "verifyUrl", "setPasswordUrl",
				"serviceUrl", "resetUrl", "loginUrl", "clientsUrl", "payUrl", "invoiceUrl")) {
			m.put(url, links.url("/sample/" + url));
		}
		return m;
	}

}
