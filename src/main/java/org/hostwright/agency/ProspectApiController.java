package org.hostwright.agency;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prospects: {@code {domain}} alone creates one from a domain; contact fields capture a
 * lead.
 */
@RestController
@RequestMapping("/api/admin/prospects")
class ProspectApiController {

	private final Prospects prospects;

	ProspectApiController(Prospects prospects) {
		this.prospects = prospects;
	}

	record ProspectView(long id, String source, String domain, String businessName, String contactName,
			String contactEmail, String contactPhone, String notes, int score, List<String> scoreReasons, String status,
			Instant createdAt, Instant updatedAt) {

		static ProspectView of(Prospect p) {
			return new ProspectView(p.id(), p.source(), p.domain(), p.businessName(), p.contactName(), p.contactEmail(),
					p.contactPhone(), p.notes(), p.score(), p.scoreReasons(), p.status().wire(), p.createdAt(),
					p.updatedAt());
		}

	}

	record ProspectPage(List<ProspectView> items, long total, int page, int size) {
	}

	@GetMapping
	ProspectPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String search, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		int p = Math.max(1, page);
		int s = Math.max(1, Math.min(size, 100));
		var result = prospects.search(status, q != null ? q : search, p, s);
		return new ProspectPage(result.items().stream().map(ProspectView::of).toList(), result.total(), p, s);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProspectView create(@RequestBody ProspectInput body) {
		return ProspectView.of(prospects.create(body));
	}

	@GetMapping("/{id}")
	ProspectView get(@PathVariable long id) {
		return ProspectView.of(prospects.require(id));
	}

	@PutMapping("/{id}")
	ProspectView update(@PathVariable long id, @RequestBody ProspectInput body) {
		return ProspectView.of(prospects.update(id, body));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		prospects.delete(id);
	}

}
