package org.hostwright.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.hostwright.platform.Slice;

/**
 * The provisioning module's published query interface for hosting services with their
 * customer and order, for the admin console, the dashboards and
 * {@code /api/admin/services}. A page of 25 cards is one query (the facade's per-service
 * reads would be 25 × 3), and the search uses the trigram indexes of V6_3.
 */
public interface ServiceDirectory {

	/**
	 * A service with what the lists show beside it: its customer, and its plan and price
	 * as sold on its order.
	 */
	record ServiceRow(HostingService service, String customerName, String customerEmail, String planName,
			long priceMinor, String currency, String billingPeriod) {

		public long id() {
			return service.id();
		}

		public String domain() {
			return service.domain();
		}

		/** The control panel username. */
		public String username() {
			return service.panelUsername();
		}

		/** The status's wire form. */
		public String status() {
			return service.status().wire();
		}

		public long customerId() {
			return service.customerId();
		}

		public long orderId() {
			return service.orderId();
		}

		public UUID orderUuid() {
			return service.orderUuid();
		}

		public String lastError() {
			return service.lastError();
		}

		public Instant createdAt() {
			return service.createdAt();
		}

		public ServiceStatus state() {
			return service.status();
		}

		public boolean can(String action) {
			ServiceStatus s = state();
			return switch (action) {
				case "suspend" -> s == ServiceStatus.ACTIVE;
				case "activate" -> s == ServiceStatus.SUSPENDED;
				case "reprovision" -> s == ServiceStatus.FAILED || s == ServiceStatus.ACTIVE;
				case "panel", "email" -> s == ServiceStatus.ACTIVE;
				default -> false;
			};
		}

	}

	/**
	 * A page of services, newest first; the bounded total is counted for the status
	 * filter only.
	 */
	Slice<ServiceRow> list(ServiceSearch search, int page, int size);

	/**
	 * The same search keyset-paginated for the JSON API: newest first, ids below
	 * {@code beforeId} when given, at most {@code limit} (1 to 200).
	 */
	List<ServiceRow> search(ServiceSearch search, Long beforeId, int limit);

	List<ServiceRow> recent(int limit);

	/** The customer's services, active first, then newest. */
	List<ServiceRow> ofCustomer(long customerId);

	List<ServiceRow> ofOrder(long orderId);

	/**
	 * Hands every matching service to {@code each} (CSV export), in id order, from a
	 * database cursor.
	 */
	void forEach(ServiceSearch search, Consumer<ServiceRow> each);

}
