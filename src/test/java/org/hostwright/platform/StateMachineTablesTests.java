package org.hostwright.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every state machine's whole table, pinned without starting the application: for every
 * pair (from, to), {@code canMoveTo} answers the table and {@code checkMoveTo} refuses
 * exactly the moves the table does not list, with a 409 naming both statuses. The enums
 * are read by name because several are package-private to their module.
 */
class StateMachineTablesTests {

	static Stream<Arguments> machines() {
		return Stream.of(
				machine("org.hostwright.ordering.OrderStatus",
						table("pending", "paid failed cancelled", "paid", "active", "active", "", "failed",
								"paid cancelled", "cancelled", "")),
				machine("org.hostwright.payments.AttemptStatus",
						table("pending", "completed failed expired", "completed", "", "failed", "completed", "expired",
								"completed")),
				machine("org.hostwright.provisioning.ServiceStatus",
						table("requested", "provisioning failed cancelled", "provisioning",
								"active failed requested cancelled", "active", "suspended cancelled requested",
								"failed", "requested provisioning cancelled", "suspended", "active cancelled",
								"cancelled", "")),
				// the agency seed's table (docs/agency.md): suspended → live is the
				// reactivation
				machine("org.hostwright.agency.SiteStatus",
						table("draft", "poc_ready cancelled", "poc_ready", "proposal_sent cancelled", "proposal_sent",
								"accepted cancelled", "accepted", "live cancelled", "live", "suspended cancelled",
								"suspended", "live cancelled", "cancelled", "")),
				machine("org.hostwright.agency.ProspectStatus",
						table("new", "contacted qualified converted lost", "contacted", "new qualified converted lost",
								"qualified", "new contacted converted lost", "converted", "lost", "lost",
								"new contacted qualified converted")),
				machine("org.hostwright.agency.ServiceKinds$Status",
						table("pending", "active suspended cancelled", "active", "suspended expired cancelled",
								"suspended", "active expired cancelled", "expired", "active cancelled", "cancelled",
								"")),
				machine("org.hostwright.agency.Subscriptions$Status",
						table("active", "suspended cancelled", "suspended", "active cancelled", "cancelled", "")),
				// a plan change: an unpaid or failed one is cancelled, a failed one
				// retried
				machine("org.hostwright.provisioning.PlanChangeStatus",
						table("awaiting_payment", "applying cancelled", "applying", "done failed", "done", "", "failed",
								"applying cancelled", "cancelled", "")),
				machine("org.hostwright.notifications.OutboxStatus",
						table("queued", "sent held failed", "sent", "", "held", "", "failed", "")));
	}

	@ParameterizedTest
	@MethodSource("machines")
	void canMoveToAnswersTheTableForEveryPair(Class<?> type, Map<String, Set<String>> table) {
		List<Lifecycle<?>> statuses = statuses(type);
		assertThat(statuses).extracting(Lifecycle::wire).containsExactlyInAnyOrderElementsOf(table.keySet());
		for (Lifecycle<?> from : statuses) {
			for (Lifecycle<?> to : statuses) {
				assertThat(canMoveTo(from, to)).as(from.wire() + " → " + to.wire())
					.isEqualTo(table.get(from.wire()).contains(to.wire()));
			}
			assertThat(from.isFinal()).isEqualTo(table.get(from.wire()).isEmpty());
		}
	}

	@ParameterizedTest
	@MethodSource("machines")
	void checkMoveToRefusesExactlyTheMovesOutsideTheTable(Class<?> type, Map<String, Set<String>> table) {
		for (Lifecycle<?> from : statuses(type)) {
			for (Lifecycle<?> to : statuses(type)) {
				if (table.get(from.wire()).contains(to.wire())) {
					assertThat(checkMoveTo(from, to)).isSameAs(to);
				}
				else {
					assertThatThrownBy(() -> checkMoveTo(from, to)).as(from.wire() + " → " + to.wire())
						.isInstanceOf(ConflictException.class)
						.hasMessageContaining("'" + from.wire() + "'")
						.hasMessageContaining("'" + to.wire() + "'");
				}
			}
		}
	}

	@ParameterizedTest
	@MethodSource("machines")
	void theTableCannotBeChangedThroughWhatTargetsReturns(Class<?> type, Map<String, Set<String>> table) {
		for (Lifecycle<?> from : statuses(type)) {
			try {
				from.targets().clear();
			}
			catch (UnsupportedOperationException immutable) {
				// also fine
			}
			assertThat(from.targets()).hasSize(table.get(from.wire()).size());
		}
	}

	@ParameterizedTest
	@MethodSource("machines")
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void theWireFormIsTheLowercaseNameAndParsesBack(Class<?> type, Map<String, Set<String>> table) {
		for (Lifecycle<?> status : statuses(type)) {
			assertThat(status.wire()).isEqualTo(((Enum<?>) status).name().toLowerCase(java.util.Locale.ROOT));
			assertThat(States.parse((Class) type, status.wire())).contains(status);
			assertThat(States.fromColumn((Class) type, status.wire())).isSameAs(status);
		}
	}

	private static Arguments machine(String className, Map<String, Set<String>> table) {
		try {
			Class<?> type = Class.forName(className);
			return Arguments.of(Named.of(type.getSimpleName(), type), table);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Set<String>> table(String... fromAndTargets) {
		Map<String, Set<String>> table = new LinkedHashMap<>();
		for (int i = 0; i < fromAndTargets.length; i += 2) {
			String targets = fromAndTargets[i + 1].strip();
			table.put(fromAndTargets[i], targets.isEmpty() ? Set.of() : Set.of(targets.split(" ")));
		}
		return table;
	}

	private static List<Lifecycle<?>> statuses(Class<?> type) {
		List<Lifecycle<?>> statuses = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			statuses.add((Lifecycle<?>) constant);
		}
		return statuses;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean canMoveTo(Lifecycle from, Lifecycle to) {
		return from.canMoveTo((Enum) to);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object checkMoveTo(Lifecycle from, Lifecycle to) {
		return from.checkMoveTo((Enum) to);
	}

}
