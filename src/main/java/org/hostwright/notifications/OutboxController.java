package org.hostwright.notifications;

import java.time.Instant;
import java.util.List;

import org.hostwright.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins read every message the platform sent or holds (the development mailbox). */
@Controller
@RequestMapping("/admin/outbox")
class OutboxController {

	private static final int PAGE = 50;

	private final JdbcClient jdbc;

	OutboxController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String recipient, String subject, String template, String status, int attempts,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	record Message(long id, String recipient, String subject, String bodyText, String bodyHtml, String status,
			Instant createdAt) {
	}

	@GetMapping
	String list(@RequestParam(required = false) String to, @RequestParam(required = false) Long before, Model model) {
		String sql = "SELECT id, recipient, subject, template, status, attempts, last_error, created_at, sent_at FROM outbox_messages WHERE 1=1"
				+ (to == null || to.isBlank() ? "" : " AND recipient = :to") + (before == null ? "" : " AND id < :before")
				+ " ORDER BY id DESC LIMIT " + (PAGE + 1);
		var spec = jdbc.sql(sql);
		if (to != null && !to.isBlank()) {
			spec = spec.param("to", to.trim().toLowerCase());
		}
		if (before != null) {
			spec = spec.param("before", before);
		}
		List<Row> rows = spec.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
				rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant()))
			.list();
		model.addAttribute("messages", rows.size() > PAGE ? rows.subList(0, PAGE) : rows);
		model.addAttribute("nextBefore", rows.size() > PAGE ? rows.get(PAGE - 1).id() : null);
		model.addAttribute("to", to);
		return "notifications/outbox";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		Message m = jdbc
			.sql("SELECT id, recipient, subject, body_text, body_html, status, created_at FROM outbox_messages WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("message"));
		model.addAttribute("message", m);
		return "notifications/message";
	}

}
