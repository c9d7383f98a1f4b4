package org.hostwright.admin;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.hostwright.accounts.UserDirectory;
import org.hostwright.audit.AuditLog;
import org.hostwright.ordering.OrderDirectory;
import org.hostwright.platform.web.PageController;
import org.hostwright.provisioning.ServiceDirectory;
import org.hostwright.provisioning.ServiceSearch;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * CSV exports of the admin lists, with the same filters as the pages. Rows are streamed
 * from a database cursor, so exporting a million orders needs no more memory than
 * exporting ten.
 */
@PageController
class CsvExportController {

	private final UserDirectory users;

	private final OrderDirectory orders;

	private final ServiceDirectory services;

	private final AuditLog audit;

	CsvExportController(UserDirectory users, OrderDirectory orders, ServiceDirectory services, AuditLog audit) {
		this.users = users;
		this.orders = orders;
		this.services = services;
		this.audit = audit;
	}

	@GetMapping("/admin/users/export")
	ResponseEntity<StreamingResponseBody> users(@RequestParam(required = false) String q,
			@RequestParam(required = false) String role) {
		var filter = new UserDirectory.Filter(q, role);
		audit.record("admin.export", "users", null, describe(q, role));
		return csv("users.csv", out -> {
			line(out, List.of("id", "name", "email", "phone", "role", "email_verified", "created_at"));
			users.forEach(filter, u -> line(out, List.of(u.id(), u.name(), u.email(), nz(u.phone()),
					u.role().toLowerCase(Locale.ROOT), u.emailVerified(), u.createdAt())));
		});
	}

	@GetMapping("/admin/orders/export")
	ResponseEntity<StreamingResponseBody> orders(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q) {
		var filter = new OrderDirectory.Filter(status, q);
		audit.record("admin.export", "orders", null, describe(q, status));
		return csv("orders.csv", out -> {
			line(out,
					List.of("id", "order_uuid", "status", "customer_id", "customer_name", "customer_email", "phone",
							"plan", "price_cents", "currency", "billing_period", "domain", "payment_reference",
							"created_at", "paid_at"));
			orders.forEach(filter,
					o -> line(out,
							List.of(o.id(), o.uuid(), o.status().wire(), o.customerId(), o.customerName(),
									o.customerEmail(), nz(o.phone()), o.planName(), o.priceMinor(), o.currency(),
									o.billingPeriod().toLowerCase(Locale.ROOT), nz(o.domain()),
									nz(o.paymentReference()), o.createdAt(), nz(o.paidAt()))));
		});
	}

	@GetMapping("/admin/services/export")
	ResponseEntity<StreamingResponseBody> services(@RequestParam(required = false) String status,
			@RequestParam(required = false) String q) {
		var filter = new ServiceSearch(status, q);
		audit.record("admin.export", "services", null, describe(q, status));
		return csv("services.csv", out -> {
			line(out, List.of("id", "domain", "username", "status", "customer_id", "customer_name", "customer_email",
					"order_uuid", "plan", "created_at"));
			services.forEach(filter,
					s -> line(out, List.of(s.id(), nz(s.domain()), nz(s.username()), s.status(), s.customerId(),
							s.customerName(), s.customerEmail(), nz(s.orderUuid()), nz(s.planName()), s.createdAt())));
		});
	}

	private interface Body {

		void write(Writer out) throws Exception;

	}

	private static ResponseEntity<StreamingResponseBody> csv(String filename, Body body) {
		StreamingResponseBody stream = os -> {
			Writer out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 64 * 1024);
			try {
				body.write(out);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			out.flush();
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(stream);
	}

	private static void line(Writer out, List<?> cells) {
		try {
			for (int i = 0; i < cells.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(CsvCells.of(cells.get(i)));
			}
			out.write("\r\n");
		}
		catch (java.io.IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Object nz(Object value) {
		return value == null ? "" : value;
	}

	private static String describe(String q, String filter) {
		return "q=" + (q == null ? "" : q) + " filter=" + (filter == null ? "" : filter);
	}

}
