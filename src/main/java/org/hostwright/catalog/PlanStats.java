package org.hostwright.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * Figures other modules know about plans (orders and revenue from ordering, active
 * services from provisioning), shown on the admin plan cards. Catalog cannot read those
 * modules itself without a dependency cycle, so each contributes an implementation; their
 * figures are merged.
 */
public interface PlanStats {

	/**
	 * Figures for the given plan ids; a plan this module knows nothing about may be
	 * absent.
	 */
	Map<Long, PlanFigures> figures(Collection<Long> planIds);

}
