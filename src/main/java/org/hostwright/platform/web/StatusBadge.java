package org.hostwright.platform.web;

import java.util.Locale;

import org.hostwright.platform.Lifecycle;

import org.springframework.stereotype.Component;

/**
 * The one colour map of status badges, for every kind of status on every page
 * ({@code @statusBadge.css(order.status)} in templates, or the
 * {@code fragments/status :: badge} fragment). A status is coloured by what it means to
 * the reader, whatever its machine: done and running is green, in progress blue, waiting
 * for someone amber, broken red, closed grey.
 */
@Component("statusBadge")
public class StatusBadge {

	/**
	 * The Bootstrap colour class for a status: a {@link Lifecycle}, another enum, or its
	 * wire form.
	 */
	public String css(Object status) {
		return switch (wire(status)) {
			case "active", "live", "completed", "sent", "converted", "done" -> "text-bg-success";
			case "requested", "provisioning", "queued", "poc_ready", "contacted", "applying" -> "text-bg-info";
			case "paid", "proposal_sent", "accepted", "qualified" -> "text-bg-primary";
			case "pending", "suspended", "expired", "held", "awaiting_payment" -> "text-bg-warning";
			case "failed" -> "text-bg-danger";
			default -> "text-bg-secondary"; // draft, new, cancelled, lost, deleted,
											// unknown
		};
	}

	/** The wire form of a status ({@code poc_ready}), whatever form it is given in. */
	public String wire(Object status) {
		if (status instanceof Lifecycle<?> lifecycle) {
			return lifecycle.wire();
		}
		if (status instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT);
		}
		return status == null ? "" : status.toString().strip().toLowerCase(Locale.ROOT);
	}

}
