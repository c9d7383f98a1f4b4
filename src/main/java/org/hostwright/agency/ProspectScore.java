package org.hostwright.agency;

import java.util.ArrayList;
import java.util.List;

/**
 * A first, explainable score for a prospect when the admin gives none: how reachable it
 * is and whether it already has a web presence to improve. The admin may override it with
 * their own.
 */
record ProspectScore(int score, List<String> reasons) {

	static ProspectScore of(Prospect p) {
		int score = 0;
		List<String> reasons = new ArrayList<>();
		if (p.domain() != null) {
			score += 30;
			reasons.add("+30 owns a domain (" + p.domain() + ")");
		}
		if (p.contactEmail() != null) {
			score += 25;
			reasons.add("+25 reachable by e-mail");
		}
		if (p.contactPhone() != null) {
			score += 20;
			reasons.add("+20 reachable by phone");
		}
		if (p.contactName() != null) {
			score += 15;
			reasons.add("+15 named contact person");
		}
		if (p.notes() != null) {
			score += 10;
			reasons.add("+10 notes from a conversation");
		}
		return new ProspectScore(Math.min(score, 100), reasons);
	}

}
