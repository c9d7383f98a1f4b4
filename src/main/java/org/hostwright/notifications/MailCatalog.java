package org.hostwright.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The e-mails the platform sends and the message keys each one's text is made of, read
 * from {@code templates/mail/*.html} at start-up, so an e-mail added later is editable
 * without a list to keep up to date. The layout's keys (greeting-free footer) form an
 * entry of their own because every e-mail shares them.
 */
@Component
class MailCatalog {

	static final String LAYOUT = "layout";

	/** A message key written as {@code #{key} or #{key(args)}} in a template. */
	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

	private static final Pattern SUBJECT = Pattern.compile("<title[^>]*th:text=\"#\\{([A-Za-z0-9_.-]+)[}(]");

	/**
	 * A template that picks its keys at run time ({@code #{__${subjectKey}__}}) names
	 * their prefix in a parser-level comment:
	 * {@code <!--/* mail-keys: mail.overdue. *&#47;-->}.
	 */
	private static final Pattern PREFIXES = Pattern.compile("mail-keys:\\s*([A-Za-z0-9_. -]+?)\\s*\\*/");

	/**
	 * One e-mail: its template name, the key of its subject and every key of its text.
	 */
	record MailKind(String template, String subjectKey, List<String> keys) {
	}

	private final List<MailKind> kinds;

	MailCatalog() {
		this(load());
	}

	MailCatalog(List<MailKind> kinds) {
		this.kinds = List.copyOf(kinds);
	}

	List<MailKind> kinds() {
		return kinds;
	}

	Optional<MailKind> kind(String template) {
		return kinds.stream().filter(k -> k.template().equals(template)).findFirst();
	}

	/** The e-mails using a key (greetings such as {@code mail.hello} are shared). */
	List<String> templatesUsing(String key) {
		return kinds.stream().filter(k -> k.keys().contains(key)).map(MailKind::template).toList();
	}

	static MailKind parse(String template, String html, Set<String> bundleKeys) {
		Set<String> keys = new LinkedHashSet<>();
		Matcher m = KEY.matcher(html);
		while (m.find()) {
			keys.add(m.group(1));
		}
		Matcher prefixes = PREFIXES.matcher(html);
		while (prefixes.find()) {
			for (String prefix : prefixes.group(1).strip().split("\\s+")) {
				bundleKeys.stream().filter(k -> k.startsWith(prefix)).sorted().forEach(keys::add);
			}
		}
		Matcher subject = SUBJECT.matcher(html);
		String subjectKey = subject.find() ? subject.group(1)
				: keys.stream().filter(k -> k.endsWith(".subject")).findFirst().orElse(null);
		return new MailKind(template, subjectKey, List.copyOf(keys));
	}

	/** Every key of the English bundles (the base of every language). */
	private static Set<String> bundleKeys(PathMatchingResourcePatternResolver resolver) throws IOException {
		Set<String> keys = new java.util.HashSet<>();
		for (Resource r : resolver.getResources("classpath*:i18n/*.properties")) {
			if (r.getFilename() != null && !r.getFilename().contains("_")) {
				java.util.Properties p = new java.util.Properties();
				try (var in = r.getInputStream()) {
					p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
				}
				keys.addAll(p.stringPropertyNames());
			}
		}
		return keys;
	}

	private static List<MailKind> load() {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			Set<String> bundleKeys = bundleKeys(resolver);
			List<MailKind> kinds = new ArrayList<>();
			for (Resource r : resolver.getResources("classpath*:templates/mail/*.html")) {
				String name = r.getFilename().replaceFirst("\\.html$", "");
				MailKind kind = parse(name, r.getContentAsString(StandardCharsets.UTF_8), bundleKeys);
				if (!kind.keys().isEmpty()) {
					kinds.add(kind);
				}
			}
			kinds.sort(Comparator.comparing(k -> LAYOUT.equals(k.template()) ? "~" : k.template()));
			return kinds;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
