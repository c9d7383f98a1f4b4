package org.hostwright.agency;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every allowed and every refused move of the seed's transition table, through the HTTP
 * API: an allowed move answers 200 with the new status; a refused one 409 problem+json
 * and nothing changes.
 */
class TransitionTableApiTests extends AgencyTestSupport {

	private static final List<String> STATUSES = List.of("draft", "poc_ready", "proposal_sent", "accepted", "live",
			"suspended", "cancelled");

	/** Each lifecycle endpoint and the status it moves to. */
	private static final Map<String, String> ACTIONS = Map.of("mark-poc-ready", "poc_ready", "send-proposal",
			"proposal_sent", "accept", "accepted", "go-live", "live", "reactivate", "live", "suspend", "suspended",
			"cancel", "cancelled");

	private static final Map<String, List<String>> TABLE = Map.of("draft", List.of("poc_ready", "cancelled"),
			"poc_ready", List.of("proposal_sent", "cancelled"), "proposal_sent", List.of("accepted", "cancelled"),
			"accepted", List.of("live", "cancelled"), "live", List.of("suspended", "cancelled"), "suspended",
			List.of("live", "cancelled"), "cancelled", List.of());

	private static boolean allowed(String from, String action) {
		String to = ACTIONS.get(action);
		if (action.equals("go-live")) {
			return from.equals("accepted");
		}
		if (action.equals("reactivate")) {
			return from.equals("suspended");
		}
		return TABLE.get(from).contains(to);
	}

	@Test
	void everyRefusedMoveIsA409AndChangesNothing() {
		for (String from : STATUSES) {
			long id = siteAt(from);
			String before = admin().get("/api/admin/hosting/sites/" + id).body();
			for (String action : ACTIONS.keySet()) {
				if (allowed(from, action)) {
					continue;
				}
				var r = action(id, action, bodyFor(action));
				assertThat(r.status()).as(from + " --" + action + "--> " + r.body()).isEqualTo(409);
				assertThat(r.contentType()).startsWith("application/problem+json");
				assertThat(r.json().get("detail").asString()).contains(from);
				assertThat(admin().get("/api/admin/hosting/sites/" + id).body()).isEqualTo(before);
			}
		}
	}

	@Test
	void everyAllowedMoveAnswers200WithTheNewStatus() {
		int moves = 0;
		for (String from : STATUSES) {
			for (String action : ACTIONS.keySet()) {
				if (!allowed(from, action)) {
					continue;
				}
				long id = siteAt(from);
				var r = action(id, action, bodyFor(action));
				assertThat(r.status()).as(from + " --" + action + "--> " + r.body()).isEqualTo(200);
				assertThat(r.json().get("status").asString()).isEqualTo(ACTIONS.get(action));
				assertThat(status(id)).isEqualTo(ACTIONS.get(action));
				moves++;
			}
		}
		// the table's 12 arrows (two from each non-final status), suspended → live
		// through reactivate
		assertThat(moves).isEqualTo(12);
	}

	@Test
	void cancelledIsTerminal() {
		long id = siteAt("cancelled");
		for (String action : ACTIONS.keySet()) {
			assertThat(action(id, action, bodyFor(action)).status()).isEqualTo(409);
		}
		assertThat(status(id)).isEqualTo("cancelled");
	}

	@Test
	void unknownSiteIs404() {
		assertThat(action(987654321L, "mark-poc-ready", "{}").status()).isEqualTo(404);
		assertThat(admin().get("/api/admin/hosting/sites/987654321").status()).isEqualTo(404);
	}

}
