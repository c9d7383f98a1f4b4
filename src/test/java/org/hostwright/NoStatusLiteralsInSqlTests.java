package org.hostwright;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status write and filter goes through its state machine: SQL in src/main binds
 * {@code status.wire()} as a parameter and never spells a status value itself
 * ({@code status = 'ACTIVE'}, {@code status IN ('paid', 'active')},
 * {@code CASE status WHEN 'x'}). A plain source scan: it reads every Java file under
 * src/main/java, string literals and text blocks alike.
 */
class NoStatusLiteralsInSqlTests {

	/** A status column compared with, or listed against, a quoted value. */
	static final Pattern STATUS_LITERAL = Pattern.compile(
			"(?i)\\b\\w*status\\s*(?:=|<>|!=)\\s*'|\\b\\w*status\\s+(?:NOT\\s+)?IN\\s*\\(\\s*'|CASE\\s+[\\w.]*status\\s+WHEN\\s+'");

	@Test
	void noJavaSourceInSrcMainSpellsAStatusValueInSql() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (STATUS_LITERAL.matcher(lines.get(i)).find()) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("bind status.wire() instead of writing the value into the SQL").isEmpty();
	}

	@Test
	void theScanRecognisesEachFormOfALiteralStatus() {
		assertThat(matches("SELECT COUNT(*) FROM services WHERE status = 'ACTIVE'")).isTrue();
		assertThat(matches("AND s.status <> 'cancelled'")).isTrue();
		assertThat(matches("WHERE o.status IN ('PAID', 'ACTIVE')")).isTrue();
		assertThat(matches("UPDATE outbox_messages SET status = 'SENT', sent_at = ?")).isTrue();
		assertThat(matches("ORDER BY CASE s.status WHEN 'ACTIVE' THEN 0 END")).isTrue();
		assertThat(matches("AND to_status = 'PAID'")).isTrue();
		assertThat(matches("WHERE status = ? AND expires_at < ?")).isFalse();
		assertThat(matches("WHERE s.status IN (:live)")).isFalse();
		assertThat(matches("A site in status 'suspended' is already on its domain")).isFalse();
	}

	private static boolean matches(String line) {
		Matcher m = STATUS_LITERAL.matcher(line);
		return m.find();
	}

}
