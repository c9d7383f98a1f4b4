package org.hostwright.provisioning;

import java.util.Map;

/**
 * The provisioning module's published figures for the admin dashboard: active services,
 * monthly recurring revenue, failed setups.
 */
public interface ServiceFigures {

	/**
	 * {@code mrrByCurrency}: every active service's price (as sold on its order) with the
	 * billing period converted to a month, in minor units per currency, in currency
	 * order. {@code failed}: services whose setup failed after its last attempt (they
	 * wait for a person).
	 */
	record Snapshot(long active, Map<String, Long> mrrByCurrency, long failed) {
	}

	Snapshot snapshot();

}
