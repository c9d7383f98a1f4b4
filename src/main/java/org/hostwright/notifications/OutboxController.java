package org.hostwright.notifications;

import java.util.List;

import org.hostwright.platform.NotFoundException;
import org.hostwright.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins read every message the platform sent or holds (the development mailbox). */
@PageController
@RequestMapping("/admin/outbox")
class OutboxController {

	private static final int PAGE = 50;

	private final OutboxQueries outbox;

	private final OutboxRendering rendering;

	OutboxController(OutboxQueries outbox, OutboxRendering rendering) {
		this.outbox = outbox;
		this.rendering = rendering;
	}

	@GetMapping
	String list(@RequestParam(required = false) String to, @RequestParam(required = false) Long before, Model model) {
		List<OutboxQueries.Row> rows = outbox.list(to, before, PAGE + 1);
		// mail held without SMTP has no delivery job to render it: the page does, once
		List<Long> unrendered = rows.stream().filter(r -> r.subject() == null).map(OutboxQueries.Row::id).toList();
		if (!unrendered.isEmpty()) {
			rendering.renderAll(unrendered);
			rows = outbox.list(to, before, PAGE + 1);
		}
		model.addAttribute("messages", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("nextBefore", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
		model.addAttribute("to", to);
		return "notifications/outbox";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		rendering.renderAll(List.of(id));
		model.addAttribute("message", outbox.find(id).orElseThrow(() -> new NotFoundException("message")));
		return "notifications/message";
	}

}
