package org.hostwright.agency;

import java.util.EnumSet;
import java.util.Set;

import org.hostwright.platform.Lifecycle;

/**
 * Where a prospect stands. The admin moves it freely between new, contacted, qualified
 * and lost while selling; {@code converted} is set when a proposal for it is accepted,
 * and only a client who leaves moves it on (to lost).
 */
enum ProspectStatus implements Lifecycle<ProspectStatus> {

	NEW, CONTACTED, QUALIFIED, CONVERTED, LOST;

	@Override
	public Set<ProspectStatus> targets() {
		return switch (this) {
			case NEW -> EnumSet.of(CONTACTED, QUALIFIED, CONVERTED, LOST);
			case CONTACTED -> EnumSet.of(NEW, QUALIFIED, CONVERTED, LOST);
			case QUALIFIED -> EnumSet.of(NEW, CONTACTED, CONVERTED, LOST);
			case LOST -> EnumSet.of(NEW, CONTACTED, QUALIFIED, CONVERTED);
			case CONVERTED -> EnumSet.of(LOST);
		};
	}

}
