package org.hostwright.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostwright.platform.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing (admin)", description = "Invoices, payments, credit and the billing run")
@RestController
class BillingRunsApiController {

	private final RunLog log;

	BillingRunsApiController(RunLog log) {
		this.log = log;
	}

	record FailureJson(String step, Long invoiceId, String message) {
	}

	record RunJson(long id, LocalDate date, String trigger, Instant startedAt, Instant finishedAt,
			Map<String, Integer> steps, Map<String, Integer> failed, List<FailureJson> failures) {

		static RunJson of(RunLog.Run r) {
			Map<String, Integer> failed = new LinkedHashMap<>();
			r.steps().forEach(c -> failed.put(c.step(), c.failed()));
			return new RunJson(r.id(), r.date(), r.trigger(), r.startedAt(), r.finishedAt(), RunLog.counts(r.steps()),
					failed,
					r.failures().stream().map(f -> new FailureJson(f.step(), f.invoiceId(), f.message())).toList());
		}

	}

	record Page(List<RunJson> items, int page, int size, long total) {
	}

	@Operation(summary = "The billing runs, newest first: date, start, end, counts per step, failed items")
	@GetMapping("/api/admin/billing/runs")
	Page runs(@RequestParam(defaultValue = "0") String page, @RequestParam(defaultValue = "20") String size) {
		int p = number("page", page, 0, 1_000_000);
		int s = number("size", size, 1, 200);
		return new Page(log.page(p * s, s).stream().map(RunJson::of).toList(), p, s, log.count());
	}

	static int number(String field, String text, int min, int max) {
		try {
			int n = Integer.parseInt(text.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException(field, "billing.runs.page", "Give a whole number from {0} to {1}.", min, max);
	}

}
