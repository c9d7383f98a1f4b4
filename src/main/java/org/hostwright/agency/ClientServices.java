package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.hostwright.platform.Money;
import org.hostwright.agency.ServiceKinds.Period;
import org.hostwright.agency.ServiceKinds.Status;
import org.hostwright.agency.ServiceKinds.Type;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.DomainNames;
import org.hostwright.platform.Fields;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.States;

import org.springframework.stereotype.Service;
import org.hostwright.platform.States;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's services per hosted site: validated create and update (a bad value is a 400
 * naming the field), delete, and renewal by one billing period. Dates without an offset
 * are read as UTC.
 */
@Service
class ClientServices {

	private final ClientServiceRepository repository;

	private final HostedSites sites;

	private final AgencyProperties agency;

	private final AuditLog audit;

	private final Clock clock;

	private final ClientBilling billing;

	ClientServices(ClientServiceRepository repository, HostedSites sites, AgencyProperties agency, AuditLog audit,
			Clock clock, ClientBilling billing) {
		this.billing = billing;
		this.repository = repository;
		this.sites = sites;
		this.agency = agency;
		this.audit = audit;
		this.clock = clock;
	}

	List<ClientService> forSite(long siteId) {
		sites.require(siteId);
		return repository.forSite(siteId);
	}

	ClientService require(long siteId, long id) {
		return repository.find(siteId, id).orElseThrow(() -> new NotFoundException("client service"));
	}

	@Transactional
	ClientService create(long siteId, ServiceInput input) {
		sites.require(siteId);
		ClientService s = validate(siteId, 0, input);
		long id = repository.insert(s, now());
		audit.record("client_service.created", "client_service", id, "site #" + siteId + ": " + s.name());
		return billed(require(siteId, id));
	}

	@Transactional
	ClientService update(long siteId, long id, ServiceInput input) {
		ClientService current = require(siteId, id);
		ClientService next = validate(siteId, id, input);
		if (next.status() != current.status() && !current.status().canMoveTo(next.status())) {
			Fields.throwIfAny(List.of(new FieldProblem("status", "agency.service.status.refused", "A service that is "
					+ current.status().wire() + " can only become " + allowed(current.status()) + ".")));
		}
		repository.update(next, now());
		audit.record("client_service.updated", "client_service", id, "site #" + siteId);
		return billed(require(siteId, id));
	}

	@Transactional
	void delete(long siteId, long id) {
		ClientService s = require(siteId, id);
		repository.delete(siteId, id);
		audit.record("client_service.deleted", "client_service", id, "site #" + siteId + ": " + s.name());
		billing.deleted(id);
	}

	/**
	 * Extends the service by one billing period from its expiry (or from now if already
	 * past) and activates it.
	 */
	@Transactional
	ClientService renew(long siteId, long id) {
		ClientService s = require(siteId, id);
		if (s.billingPeriod() == Period.ONE_TIME) {
			throw new ConflictException("agency.service.oneTime", "A one-time service has nothing to renew.");
		}
		if (s.status() == Status.CANCELLED) {
			throw new ConflictException("agency.service.cancelled", "A cancelled service cannot be renewed.");
		}
		Instant now = now();
		Instant start = s.expiresAt() != null && s.expiresAt().isAfter(now) ? s.expiresAt() : now;
		var startUtc = start.atOffset(ZoneOffset.UTC);
		Instant end = (s.billingPeriod() == Period.MONTHLY ? startUtc.plusMonths(1) : startUtc.plusYears(1))
			.toInstant();
		Status status = s.status() == Status.ACTIVE ? Status.ACTIVE : s.status().checkMoveTo(Status.ACTIVE);
		repository.update(new ClientService(s.id(), siteId, s.serviceType(), s.name(), status, s.billingPeriod(),
				s.priceCents(), s.currency(), s.addonProductId(), s.domainName(), s.registrar(), s.mailboxCount(), end,
				start, end, s.autoRenew(), s.notes(), s.createdAt(), s.updatedAt()), now);
		audit.record("client_service.renewed", "client_service", id, "until " + end);
		return billed(require(siteId, id));
	}

	/** Billing renews the service as it now is (same transaction). */
	private ClientService billed(ClientService s) {
		billing.sync(s);
		return s;
	}

	private ClientService validate(long siteId, long id, ServiceInput in) {
		List<FieldProblem> problems = new ArrayList<>();
		Type type = enumField(problems, "serviceType", Type.class, in.serviceType(), null);
		String name = Fields.required(problems, "name", in.name(), 160);
		Status status = enumField(problems, "status", Status.class, in.status(), Status.ACTIVE);
		Period period = enumField(problems, "billingPeriod", Period.class, in.billingPeriod(), null);
		long price = in.priceCents() == null ? 0 : in.priceCents();
		if (price > Money.MAX_ENTERED_MINOR) {
			problems.add(new FieldProblem("priceCents", "problem.money",
					"Enter an amount between 0 and 1,000,000,000,000."));
		}
		if (price < 0) {
			problems
				.add(new FieldProblem("priceCents", "agency.service.price.negative", "The price cannot be negative."));
		}
		String currency = in.currency() == null || in.currency().isBlank() ? agency.currency()
				: in.currency().trim().toUpperCase(Locale.ROOT);
		if (!currency.matches("^[A-Z]{3}$") || !knownCurrency(currency)) {
			problems
				.add(new FieldProblem("currency", "agency.service.currency", "Use an ISO currency code such as EUR."));
		}
		if (in.mailboxCount() != null && in.mailboxCount() < 0) {
			problems.add(new FieldProblem("mailboxCount", "agency.service.mailboxes.negative",
					"The mailbox count cannot be negative."));
		}
		String domain = Fields.optional(problems, "domainName", in.domainName(), 253);
		if (domain != null) {
			domain = DomainNames.normalise(domain).orElse(null);
			if (domain == null) {
				problems
					.add(new FieldProblem("domainName", "agency.domain.invalid", "Enter a domain such as acme.lu."));
			}
		}
		Instant expires = date(problems, "expiresAt", in.expiresAt());
		Instant start = date(problems, "periodStart", in.periodStart());
		Instant end = date(problems, "periodEnd", in.periodEnd());
		if (start != null && end != null && end.isBefore(start)) {
			problems
				.add(new FieldProblem("periodEnd", "agency.service.period.order", "The period ends before it starts."));
		}
		String registrar = Fields.optional(problems, "registrar", in.registrar(), 120);
		String notes = Fields.optional(problems, "notes", in.notes(), 5000);
		Fields.throwIfAny(problems);
		return new ClientService(id, siteId, type, name, status, period, price, currency, in.addonProductId(), domain,
				registrar, in.mailboxCount(), expires, start, end, Boolean.TRUE.equals(in.autoRenew()), notes, null,
				null);
	}

	private static String allowed(Status from) {
		return from.isFinal() ? "nothing (it is final)"
				: from.targets().stream().map(Status::wire).sorted().collect(java.util.stream.Collectors.joining(", "));
	}

	private static <E extends Enum<E>> E enumField(List<FieldProblem> problems, String field, Class<E> type,
			String value, E fallback) {
		if (value == null || value.isBlank()) {
			if (fallback == null) {
				problems.add(new FieldProblem(field, "agency.requiredOneOf",
						"Required: one of " + ServiceKinds.allowed(type) + ".", ServiceKinds.allowed(type)));
			}
			return fallback;
		}
		return States.parse(type, value).orElseGet(() -> {
			problems.add(new FieldProblem(field, "agency.service.enum",
					"Use one of " + ServiceKinds.allowed(type) + ".", ServiceKinds.allowed(type)));
			return fallback;
		});
	}

	/**
	 * ISO-8601 with or without offset (UTC when none), or a plain date (midnight UTC).
	 */
	static Instant date(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.trim();
		try {
			if (v.length() == 10) {
				return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(v).toInstant();
			}
			return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "agency.date.invalid",
					"Use a date like 2027-03-01 or 2027-03-01T00:00:00."));
			return null;
		}
	}

	private static boolean knownCurrency(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
