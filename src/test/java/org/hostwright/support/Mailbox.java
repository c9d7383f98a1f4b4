package org.hostwright.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

/** Reads what the application delivered to the test SMTP server. */
public class Mailbox {

	private final GreenMail mail;

	Mailbox(GreenMail mail) {
		this.mail = mail;
	}

	public record Received(String to, String subject, String body) {

		/** The first link in the body that contains {@code fragment}. */
		public String link(String fragment) {
			Matcher m = Pattern.compile("https?://[^\\s\"'<>)]*" + Pattern.quote(fragment) + "[^\\s\"'<>)]*")
				.matcher(body);
			if (!m.find()) {
				throw new AssertionError("no link with " + fragment + " in:\n" + body);
			}
			return m.group().replace("&amp;", "&");
		}

		/**
		 * The path and query of that link: the tests' server runs on a random port that
		 * the configured base URL cannot know.
		 */
		public String path(String fragment) {
			java.net.URI uri = java.net.URI.create(link(fragment));
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}

	}

	/** Waits for a message to {@code to} whose subject contains {@code subjectPart}. */
	public Received await(String to, String subjectPart) {
		return await(to, subjectPart, Duration.ofSeconds(20));
	}

	public Received await(String to, String subjectPart, Duration timeout) {
		Received[] found = new Received[1];
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
			found[0] = find(to, subjectPart).orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	/**
	 * Waits for a message to {@code to} whose subject contains {@code subjectPart} and
	 * that passes {@code which}: in the shared test context an earlier test may have sent
	 * one with the same subject (a daily digest of another day).
	 */
	public Received await(String to, String subjectPart, java.util.function.Predicate<Received> which) {
		Received[] found = new Received[1];
		Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
			found[0] = addressedTo(to, subjectPart).map(Mailbox::read).filter(which).reduce((a, b) -> b).orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	public Optional<Received> find(String to, String subjectPart) {
		return addressedTo(to, subjectPart).reduce((a, b) -> b).map(Mailbox::read);
	}

	public long count(String to) {
		return addressedTo(to, "").count();
	}

	/**
	 * The messages to {@code to} whose subject contains {@code subjectPart}, picked by
	 * their headers: the whole run's mail piles up in the one server, and decoding every
	 * body on every poll made each wait slower than the last.
	 */
	private Stream<MimeMessage> addressedTo(String to, String subjectPart) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(to)
						&& m.getSubject().contains(subjectPart);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static Received read(MimeMessage m) {
		try {
			String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
			return new Received(to, m.getSubject(), text(m));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The decoded text of a message: its plain-text part (else the HTML one), never raw
	 * MIME.
	 */
	private static String text(jakarta.mail.Part part) throws Exception {
		Object content = part.getContent();
		if (content instanceof String s) {
			return s;
		}
		if (content instanceof jakarta.mail.Multipart multi) {
			String html = null;
			for (int i = 0; i < multi.getCount(); i++) {
				jakarta.mail.BodyPart child = multi.getBodyPart(i);
				if (child.isMimeType("text/plain")) {
					return (String) child.getContent();
				}
				String nested = child.isMimeType("text/html") ? (String) child.getContent() : text(child);
				if (nested != null && (html == null || child.isMimeType("multipart/*"))) {
					html = nested;
				}
			}
			return html;
		}
		return GreenMailUtil.getBody(part);
	}

}
