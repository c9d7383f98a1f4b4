package org.hostwright.admin;

import java.util.List;

import org.hostwright.admin.DashboardFigures.Amount;

import org.springframework.stereotype.Component;

/**
 * Service figures for the dashboards (active services and monthly recurring revenue: every active
 * service's price with its billing period converted to a month).
 */
@Component
class ServiceFigures {

	record Snapshot(long active, long provisioning, List<Amount> mrr) {
	}

	Snapshot snapshot() {
		return new Snapshot(0, 0, List.of());
	}

}
