package org.hostwright.admin;

import java.util.List;
import java.util.UUID;

import org.hostwright.ordering.OrderDirectory;
import org.hostwright.ordering.OrderPayments;
import org.hostwright.ordering.Orders;
import org.hostwright.ordering.PaymentEventView;
import org.hostwright.ordering.PaymentSummary;
import org.hostwright.ordering.TimelineEntry;
import org.hostwright.platform.DomainNames;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.NotFoundException;
import org.hostwright.provisioning.ServiceDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Everything the admin order page shows: the order, its customer, timeline, payment
 * events, service.
 */
@Component
class OrderDetails {

	private final OrderDirectory directory;

	private final Orders orders;

	private final ServiceDirectory services;

	private final ObjectProvider<OrderPayments> payments;

	OrderDetails(OrderDirectory directory, Orders orders, ServiceDirectory services,
			ObjectProvider<OrderPayments> payments) {
		this.directory = directory;
		this.orders = orders;
		this.services = services;
		this.payments = payments;
	}

	/**
	 * Payment attempts and raw payment events come from the payments module (empty
	 * without it).
	 */
	record Details(OrderDirectory.OrderRow order, List<TimelineEntry> timeline,
			List<ServiceDirectory.ServiceRow> services, List<PaymentSummary> payments,
			List<PaymentEventView> paymentEvents) {
	}

	Details require(UUID uuid) {
		var order = directory.byUuid(uuid).orElseThrow(() -> new NotFoundException("order"));
		OrderPayments p = payments.getIfAvailable();
		return new Details(order, orders.timeline(order.id()), services.ofOrder(order.id()),
				p == null ? List.of() : p.payments(order.id()), p == null ? List.of() : p.events(order.id()));
	}

	/** A domain as stored on orders: lower-case host name, or null. */
	static String domain(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		return DomainNames.normalise(raw)
			.orElseThrow(() -> new InvalidInputException("domain", "admin.orders.domainInvalid",
					"Enter a domain like example.co.tz."));
	}

}
