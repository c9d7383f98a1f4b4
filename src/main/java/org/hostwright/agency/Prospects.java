package org.hostwright.agency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.ConflictException;
import org.hostwright.platform.DomainNames;
import org.hostwright.platform.Fields;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.InvalidInputException.FieldProblem;
import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.States;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prospects: created from a domain or captured as a lead, scored, searched and edited.
 * When no score is given it is computed from what is known about the prospect, with the
 * reasons.
 */
@Service
class Prospects {

	private final ProspectRepository repository;

	private final AuditLog audit;

	private final Clock clock;

	Prospects(ProspectRepository repository, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.clock = clock;
	}

	Prospect require(long id) {
		return repository.find(id).orElseThrow(() -> new NotFoundException("prospect"));
	}

	ProspectRepository.Page search(String status, String q, int page, int size) {
		ProspectStatus s = status == null || status.isBlank() ? null
				: States.parse(ProspectStatus.class, status)
					.orElseThrow(() -> new InvalidInputException("status", "agency.prospect.status.invalid",
							"Use one of new, contacted, qualified, converted, lost."));
		return repository.search(s, q, Math.max(1, page), Math.max(1, Math.min(size, 100)));
	}

	@Transactional
	Prospect create(ProspectInput input) {
		Prospect p = validate(0, input, null);
		long id = repository.insert(p, now());
		audit.record("prospect.created", "prospect", id, p.displayName());
		return require(id);
	}

	@Transactional
	Prospect update(long id, ProspectInput input) {
		Prospect current = require(id);
		Prospect p = validate(id, input, current);
		repository.update(p, now());
		audit.record("prospect.updated", "prospect", id, p.status().wire());
		return require(id);
	}

	@Transactional
	void delete(long id) {
		Prospect p = require(id);
		repository.delete(id);
		audit.record("prospect.deleted", "prospect", id, p.displayName());
	}

	@Transactional
	void markConverted(long id) {
		repository.find(id)
			.filter(p -> p.status() != ProspectStatus.CONVERTED)
			.ifPresent(p -> repository.setStatus(id, p.status().checkMoveTo(ProspectStatus.CONVERTED), now()));
	}

	private static String allowed(ProspectStatus from) {
		return from.targets()
			.stream()
			.map(ProspectStatus::wire)
			.sorted()
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private Prospect validate(long id, ProspectInput in, Prospect current) {
		List<FieldProblem> problems = new ArrayList<>();
		String domain = null;
		if (in.domain() != null && !in.domain().isBlank()) {
			domain = DomainNames.normalise(in.domain()).orElse(null);
			if (domain == null) {
				problems.add(new FieldProblem("domain", "agency.domain.invalid", "Enter a domain such as acme.lu."));
			}
		}
		String name = Fields.optional(problems, "businessName", in.businessName(), 160);
		if (domain == null && name == null && problems.isEmpty()) {
			problems.add(new FieldProblem("domain", "agency.prospect.identity", "Enter a domain or a business name."));
		}
		String contactName = Fields.optional(problems, "contactName", in.contactName(), 120);
		String email = Fields.optionalEmail(problems, "contactEmail", in.contactEmail());
		String phone = Fields.optional(problems, "contactPhone", in.contactPhone(), 40);
		String notes = Fields.optional(problems, "notes", in.notes(), 5000);
		if (in.score() != null && (in.score() < 0 || in.score() > 100)) {
			problems.add(new FieldProblem("score", "agency.prospect.score.range", "The score is between 0 and 100."));
		}
		ProspectStatus status = current == null ? ProspectStatus.NEW : current.status();
		if (in.status() != null && !in.status().isBlank()) {
			status = States.parse(ProspectStatus.class, in.status()).orElse(null);
			if (status == null) {
				problems.add(new FieldProblem("status", "agency.prospect.status.invalid",
						"Use one of new, contacted, qualified, converted, lost."));
			}
			else if (current != null && status != current.status() && !current.status().canMoveTo(status)) {
				problems.add(new FieldProblem("status", "agency.prospect.status.refused", "A prospect that is "
						+ current.status().wire() + " can only become " + allowed(current.status()) + "."));
			}
		}
		Fields.throwIfAny(problems);
		if (domain != null && repository.domainTaken(domain, id)) {
			throw new ConflictException("agency.prospect.domain.taken",
					"A prospect with the domain " + domain + " exists.", domain);
		}
		String source = current != null ? current.source()
				: name == null && contactName == null && email == null ? "domain" : "lead";
		if (name == null && domain != null) {
			name = nameFromDomain(domain);
		}
		Prospect draft = new Prospect(id, source, domain, name, contactName, email, phone, notes, 0, List.of(), status,
				null, null);
		int score;
		List<String> reasons;
		if (in.score() != null) {
			score = in.score();
			reasons = in.scoreReasons() == null ? List.of()
					: in.scoreReasons()
						.stream()
						.filter(r -> r != null && !r.isBlank())
						.map(r -> r.strip().replace('\n', ' '))
						.limit(20)
						.toList();
		}
		else {
			var computed = ProspectScore.of(draft);
			score = computed.score();
			reasons = computed.reasons();
		}
		return new Prospect(id, source, domain, name, contactName, email, phone, notes, score, reasons, status, null,
				null);
	}

	/**
	 * {@code boulangerie-parc.lu} → {@code Boulangerie Parc}: a starting point the admin
	 * can edit.
	 */
	static String nameFromDomain(String domain) {
		String label = domain.split("\\.")[0].replace('-', ' ');
		StringBuilder out = new StringBuilder();
		for (String word : label.split(" ")) {
			if (!word.isEmpty()) {
				out.append(out.isEmpty() ? "" : " ")
					.append(word.substring(0, 1).toUpperCase(Locale.ROOT))
					.append(word.substring(1));
			}
		}
		return out.toString();
	}

	private Instant now() {
		return Instant.now(clock);
	}

}
