package org.hostwright.audit;

import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@PageController
@RequestMapping("/admin/audit")
class AuditController {

	private final AuditQueries queries;

	AuditController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String object, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) Long before, Model model) {
		var filter = new AuditQueries.Filter(actor, action, object, objectId, before);
		model.addAttribute("page", queries.find(filter, AuditQueries.PAGE_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("actions", queries.actions());
		return "audit/list";
	}

}
