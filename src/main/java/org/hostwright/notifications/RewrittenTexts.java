package org.hostwright.notifications;

import java.text.MessageFormat;
import java.util.Map;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

/**
 * Resolves a mail's message keys to the texts an admin rewrote, which the renderer puts
 * in the template context under {@link #VARIABLE}; a key not rewritten falls through to
 * the message bundles (the next resolver). The text is a message pattern ({@code {0}} for
 * the first argument) and is only ever formatted and escaped, never evaluated as a
 * template expression, so an admin's text cannot run code.
 */
final class RewrittenTexts extends AbstractMessageResolver {

	static final String VARIABLE = "hostwrightRewrittenTexts";

	RewrittenTexts() {
		setOrder(0);
	}

	@Override
	public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
		if (!(context.getVariable(VARIABLE) instanceof Map<?, ?> texts) || !(texts.get(key) instanceof String text)) {
			return null;
		}
		return format(text, messageParameters, context);
	}

	/**
	 * As Spring's message source does: a pattern is formatted only when it has arguments.
	 */
	static String format(String text, Object[] arguments, ITemplateContext context) {
		if (arguments == null || arguments.length == 0) {
			return text;
		}
		return new MessageFormat(text, context.getLocale()).format(arguments);
	}

	@Override
	public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
			Object[] messageParameters) {
		return "??" + key + "_" + context.getLocale() + "??";
	}

}
