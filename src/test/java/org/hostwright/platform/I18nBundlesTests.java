package org.hostwright.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the message bundles in step (after spring-petclinic's I18nPropertiesSyncTest):
 * every language has every key, no template or Java class names a key the bundles lack,
 * translations keep their placeholders, and a translation is not left in English.
 * Failures list the keys by file so whoever adds an English key sees at once which
 * translations to write.
 */
class I18nBundlesTests {

	static final List<String> LANGUAGES = List.of("sw", "fr", "de");

	static final Path BUNDLES = Paths.get("src/main/resources/i18n");

	static final Path TEMPLATES = Paths.get("src/main/resources/templates");

	static final Path JAVA = Paths.get("src/main/java");

	/**
	 * Values that may read the same as English: names of brands and products and the few
	 * words that are spelt the same in the other language. Everything else must be
	 * translated.
	 */
	static final Set<String> SAME_AS_ENGLISH = Set.of("Passkeys", "M-Pesa", "SSL", "E-mail", "API", "CSV", "Markdown",
			"Name", "Client", "Menu", "Actions", "Status", "System", "(optional)", "Code", "Contact", "Page",
			"Text (Markdown)");

	/** Where Java code passes a literal message key. */
	static final List<Pattern> JAVA_CODES = List.of(Pattern.compile("Flash\\.\\w+\\(\\s*\\w+,\\s*\"([^\"]+)\""),
			Pattern.compile("new ConflictException\\(\\s*\"([^\"]+)\""),
			Pattern.compile("new InvalidInputException\\(\\s*\"[^\"]*\",\\s*\"([^\"]+)\""),
			Pattern.compile("new FieldProblem\\(\\s*[^,]+,\\s*\"([^\"]+)\""),
			Pattern.compile("rejectValue\\(\\s*\"[^\"]*\",\\s*\"([^\"]+)\""),
			Pattern.compile("\\breject\\(\\s*\"([^\"]+)\""),
			Pattern.compile("super\\(\\s*\"([a-z]+\\.[\\w.\\-]+)\",\\s*\""),
			Pattern.compile("\\b(?:getMessage|text)\\(\\s*\"([a-zA-Z]+\\.[\\w.\\-]+)\""));

	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([\\w.\\-]+)[}(]");

	static final Pattern TEMPLATE_MSG = Pattern.compile("#messages\\.msg\\w*\\(\\s*'([\\w.\\-]+)'");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	@Test
	void everyLanguageHasExactlyTheKeysOfEnglish() {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundles()) {
			Set<String> english = load(bundle, null).keySet();
			for (String lang : LANGUAGES) {
				Set<String> translated = load(bundle, lang).keySet();
				Set<String> missing = new TreeSet<>(english);
				missing.removeAll(translated);
				Set<String> extra = new TreeSet<>(translated);
				extra.removeAll(english);
				if (!missing.isEmpty()) {
					problems.add(file(bundle, lang) + " lacks " + missing);
				}
				if (!extra.isEmpty()) {
					problems.add(file(bundle, lang) + " has keys English lacks " + extra);
				}
			}
		}
		assertThat(problems).as("keys out of step between languages").isEmpty();
	}

	@Test
	void noFileDefinesAKeyTwice() {
		List<String> problems = new ArrayList<>();
		for (Path file : files()) {
			Set<String> seen = new TreeSet<>();
			for (String[] entry : entries(file)) {
				if (!seen.add(entry[0])) {
					problems.add(file.getFileName() + ": " + entry[0]);
				}
			}
		}
		assertThat(problems).as("keys defined twice (the second silently wins)").isEmpty();
	}

	@Test
	void everyKeyUsedByATemplateExists() {
		Set<String> known = allEnglishKeys();
		List<String> problems = new ArrayList<>();
		for (Path template : walk(TEMPLATES, ".html")) {
			String text = read(template);
			for (Pattern pattern : List.of(TEMPLATE_KEY, TEMPLATE_MSG)) {
				Matcher m = pattern.matcher(text);
				while (m.find()) {
					if (!exists(known, m.group(1))) {
						problems.add(TEMPLATES.relativize(template) + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(problems).as("templates use keys that no bundle has (add them to the English bundle)").isEmpty();
	}

	@Test
	void everyKeyJavaPassesAsAMessageCodeExists() {
		Set<String> known = allEnglishKeys();
		List<String> problems = new ArrayList<>();
		for (Path source : walk(JAVA, ".java")) {
			String text = read(source);
			for (Pattern pattern : JAVA_CODES) {
				Matcher m = pattern.matcher(text);
				while (m.find()) {
					if (!exists(known, m.group(1))) {
						problems.add(source.getFileName() + ": " + m.group(1));
					}
				}
			}
		}
		assertThat(problems).as("Java passes message codes that no bundle has").isEmpty();
	}

	@Test
	void translationsKeepThePlaceholdersAndParseAsMessageFormat() {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundles()) {
			Map<String, String> english = load(bundle, null);
			for (String lang : allLanguages()) {
				load(bundle, lang).forEach((key, value) -> {
					String where = file(bundle, lang) + ": " + key;
					if (english.containsKey(key) && !placeholders(value).equals(placeholders(english.get(key)))) {
						problems.add(where + " has placeholders " + placeholders(value) + ", English has "
								+ placeholders(english.get(key)));
					}
					if (!placeholders(value).isEmpty()) {
						problems.addAll(formatProblems(where, value));
					}
				});
			}
		}
		assertThat(problems).as("placeholders or MessageFormat quoting broken").isEmpty();
	}

	@Test
	void translationsAreNotLeftInEnglish() {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundles()) {
			Map<String, String> english = load(bundle, null);
			for (String lang : LANGUAGES) {
				load(bundle, lang).forEach((key, value) -> {
					String en = english.get(key);
					if (value.equals(en) && en.matches("(?s).*\\p{L}{2}.*") && !SAME_AS_ENGLISH.contains(value)
							&& !en.matches("\\{\\d+}")) {
						problems.add(file(bundle, lang) + ": " + key + " = " + value);
					}
				});
			}
		}
		assertThat(problems).as("values identical to English (translate them, or allow-list a proper name)").isEmpty();
	}

	/**
	 * A key, or the prefix of keys completed at run time
	 * ({@code "agency.action.done." + action}).
	 */
	static boolean exists(Set<String> known, String key) {
		return key.endsWith(".") ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
	}

	/**
	 * A value with arguments goes through MessageFormat: a lone apostrophe would swallow
	 * the text after it.
	 */
	static List<String> formatProblems(String where, String value) {
		List<String> problems = new ArrayList<>();
		if (value.replace("''", "").contains("'")) {
			problems.add(where + " has a single ' in a text with arguments: write '' (or ’)");
		}
		try {
			new MessageFormat(value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(where + " is not a valid MessageFormat: " + ex.getMessage());
		}
		return problems;
	}

	static Set<String> placeholders(String value) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(value);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	static List<String> bundles() {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".properties") && !n.contains("_"))
				.map(n -> n.substring(0, n.length() - ".properties".length()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> allLanguages() {
		List<String> all = new ArrayList<>(LANGUAGES);
		all.add(0, null);
		return all;
	}

	static Set<String> allEnglishKeys() {
		return bundles().stream().flatMap(b -> load(b, null).keySet().stream()).collect(Collectors.toSet());
	}

	static String file(String bundle, String lang) {
		return bundle + (lang == null ? "" : "_" + lang) + ".properties";
	}

	static Map<String, String> load(String bundle, String lang) {
		Path file = BUNDLES.resolve(file(bundle, lang));
		Map<String, String> values = new LinkedHashMap<>();
		if (Files.exists(file)) {
			entries(file).forEach(e -> values.put(e[0], e[1]));
		}
		return values;
	}

	/**
	 * Key and value of each line; the bundles keep one entry a line, UTF-8, no
	 * continuation lines.
	 */
	static List<String[]> entries(Path file) {
		List<String[]> entries = new ArrayList<>();
		for (String line : read(file).split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
				continue;
			}
			int eq = line.indexOf('=');
			entries.add(new String[] { line.substring(0, eq).strip(), line.substring(eq + 1) });
		}
		return entries;
	}

	static List<Path> files() {
		return walk(BUNDLES, ".properties");
	}

	static List<Path> walk(Path root, String suffix) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
