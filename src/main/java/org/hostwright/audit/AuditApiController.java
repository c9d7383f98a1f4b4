package org.hostwright.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/** The audit log as JSON, newest first, paged by a {@code before} cursor. */
@RestController
@RequestMapping("/api/admin/audit")
class AuditApiController {

	private final AuditQueries queries;

	AuditApiController(AuditQueries queries) {
		this.queries = queries;
	}

	record AuditPage(List<AuditEntry> items, Long nextBefore) {
	}

	/**
	 * Newest first; pass {@code before} = the previous page's {@code next_before} for the
	 * next page.
	 */
	@GetMapping
	@ResponseBody
	AuditPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String object,
			@RequestParam(name = "object_id", required = false) String objectId,
			@RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int size) {
		var page = queries.find(new AuditQueries.Filter(actor, action, object, objectId, before),
				Math.max(1, Math.min(size, 200)));
		return new AuditPage(page.entries(), page.nextBefore());
	}

}
