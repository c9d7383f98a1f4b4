package org.hostwright.admin;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** Reads hosting services for the admin console (the services table belongs to provisioning). */
@Component
class ServiceDirectory {

	record ServiceRow(long id, String domain, String username, String status, long customerId, String customerName,
			String customerEmail, Long orderId, java.util.UUID orderUuid, String planName, Instant createdAt) {
	}

	record Filter(String status, String q) {

		Filter {
			q = q == null ? "" : q.strip();
			status = status == null ? "" : status.strip().toUpperCase(java.util.Locale.ROOT);
		}

	}

	void forEach(Filter filter, JdbcStreams streams, java.util.function.Consumer<ServiceRow> each) {
	}

	List<ServiceRow> recent(int limit) {
		return List.of();
	}

	/** Paid orders of the customer that have no service yet ("Finish setup"). */
	List<OrderDirectory.OrderRow> paidOrdersWithoutService(long customerId) {
		return List.of();
	}

	List<ServiceRow> ofOrder(long orderId) {
		return List.of();
	}

	List<ServiceRow> ofCustomer(long customerId) {
		return List.of();
	}

}
