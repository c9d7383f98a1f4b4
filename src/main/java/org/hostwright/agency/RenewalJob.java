package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hostwright.accounts.Accounts;
import org.hostwright.audit.AuditLog;
import org.hostwright.notifications.Mailer;
import org.hostwright.platform.Links;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every day: services whose expiry has passed become {@code expired}, and the admins get
 * one digest of what expired and what expires within 30 days. Idempotent: the expiry
 * update only touches active rows, and the digest is sent once per UTC day (a row per
 * day, whichever node runs the job). A service that billing invoices to the client by
 * itself (auto-renew, with a client account) is left out of "expiring": the client gets
 * its renewal invoice, so the admins are not asked to act on it too; it is listed again
 * only if it expires unpaid.
 */
@Component
class RenewalJob {

	private static final Logger log = LoggerFactory.getLogger(RenewalJob.class);

	private final ClientServiceRepository services;

	private final DigestRuns digests;

	private final Mailer mailer;

	private final AuditLog audit;

	private final Links links;

	private final Accounts accounts;

	private final Clock clock;

	private final ClientBilling billing;

	RenewalJob(ClientServiceRepository services, DigestRuns digests, Mailer mailer, AuditLog audit, Links links,
			Accounts accounts, Clock clock, ClientBilling billing) {
		this.billing = billing;
		this.services = services;
		this.digests = digests;
		this.mailer = mailer;
		this.audit = audit;
		this.links = links;
		this.accounts = accounts;
		this.clock = clock;
	}

	record Outcome(int expired, boolean digestSent, int recipients) {
	}

	@Transactional
	Outcome run() {
		return runAt(Instant.now(clock));
	}

	@Transactional
	Outcome runAt(Instant now) {
		billing.syncMissing();
		int expired = services.markExpired(now);
		LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
		if (digests.ranOn(day)) {
			return new Outcome(expired, false, 0);
		}
		digests.record(day, now, expired);
		List<ClientServiceRepository.Row> expiredRecently = services
			.expiredSince(now.minus(AgencyStats.RENEWAL_WINDOW));
		List<ClientServiceRepository.Row> expiring = services.expiringBetween(now,
				now.plus(AgencyStats.RENEWAL_WINDOW));
		var invoiced = billing.invoicedAutomatically(expiring.stream().map(r -> r.service().id()).toList());
		List<ClientServiceRepository.Row> upcoming = expiring.stream()
			.filter(r -> !invoiced.contains(r.service().id()))
			.toList();
		List<String> admins = adminEmails();
		if (!expiredRecently.isEmpty() || !upcoming.isEmpty()) {
			Map<String, Object> model = new HashMap<>();
			model.put("expired", lines(expiredRecently));
			model.put("upcoming", lines(upcoming));
			model.put("day", day);
			model.put("clientsUrl", links.url("/admin/hosting/clients?expiring=true"));
			admins.forEach(to -> mailer.send(to, "agency-renewals", model));
		}
		audit.recordFor(null, null, "client_service.renewal_check", "client_service", null,
				expired + " expired, " + upcoming.size() + " expiring within 30 days");
		log.info("Renewal check {}: {} expired, {} expiring soon", day, expired, upcoming.size());
		return new Outcome(expired, !expiredRecently.isEmpty() || !upcoming.isEmpty(), admins.size());
	}

	/**
	 * One line of the digest; the mail template formats the date in the recipient's
	 * language.
	 */
	record DigestLine(String businessName, String serviceName, Instant date, boolean autoRenew) {
	}

	private static List<DigestLine> lines(List<ClientServiceRepository.Row> rows) {
		return rows.stream()
			.map(r -> new DigestLine(r.businessName(), r.service().name(), r.service().expiresAt(),
					r.service().autoRenew()))
			.toList();
	}

	private List<String> adminEmails() {
		return accounts.adminEmails();
	}

}
