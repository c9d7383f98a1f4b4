package org.hostwright.provisioning;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Panel usernames when many customers share an e-mail's local part ({@code info@} at
 * every company): every base-and-digits candidate can be taken, and a username is still
 * found, valid for Webuzo.
 */
class UsernamesTests {

	@Test
	void aFreeBaseIsTakenAsItIs() {
		assertThat(Usernames.generateAmong("Neema.K+x@example.co.tz", batch -> Set.of())).isEqualTo("neemakx");
	}

	@Test
	void whenTheBaseAndEveryDigitSuffixAreTakenLettersAndDigitsFollowTheBase() {
		// every candidate a digit suffix can make is taken
		String username = Usernames.generateAmong("info@example.co.tz",
				takenWhere(u -> u.matches("info[0-9]*|inf[0-9]*|in[0-9]*")));
		assertThat(Usernames.valid(username)).isTrue();
		assertThat(username).hasSize(Usernames.MAX).startsWith("inf").doesNotMatch("inf[0-9]+");
	}

	@Test
	void tenThousandCustomersNamedAlikeAllGetAUsername() {
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			AtomicInteger questions = new AtomicInteger();
			String username = Usernames.generateAmong("sale-1796000000-" + i + "@bench.example", batch -> {
				questions.incrementAndGet();
				return takenWhere(taken::contains).apply(batch);
			});
			assertThat(Usernames.valid(username)).isTrue();
			assertThat(taken.add(username)).isTrue();
			// the base, the digit suffixes, the letters and digits: a query each at most
			assertThat(questions).hasValueLessThanOrEqualTo(3);
		}
	}

	/** Asked about a batch of candidates, answers those the rule says are taken. */
	private static Function<List<String>, Set<String>> takenWhere(Predicate<String> taken) {
		return batch -> batch.stream().filter(taken).collect(Collectors.toSet());
	}

}
