package org.hostwright.ordering;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The order timeline's causes in the reader's language. A cause is stored as the sentence
 * that explains the move (English, with its particulars: the gateway, the invoice
 * number), so the log reads the same in the database and in support tickets; each known
 * form maps to a message key whose arguments are those particulars. A cause of unknown
 * form shows as written.
 */
@Component("orderCauses")
public class OrderCauses {

	private record Form(Pattern pattern, String key) {
	}

	private static final List<Form> FORMS = List.of(form("checkout", "checkout"), form("order placed", "placed"),
			form("created by an admin", "byAdmin"), form("cancelled-by-customer", "cancelled-by-customer"),
			form("payment confirmed by (.+) \\((.+)\\)", "paymentConfirmed"),
			form("manual payment recorded by an admin", "manualPayment"),
			form("invoice (\\S+) paid \\((.+)\\)", "invoicePaid"), form("payment declined \\((.+)\\)", "declined"),
			form("payment not confirmed within (\\d+) s", "timedOut"),
			form("hosting service #(\\d+) active", "serviceActive"));

	private final MessageSource messages;

	OrderCauses(MessageSource messages) {
		this.messages = messages;
	}

	private static Form form(String regex, String key) {
		return new Form(Pattern.compile(regex), "ordering.cause." + key);
	}

	/**
	 * The cause in the current request's language, or as written when its form is
	 * unknown.
	 */
	public String text(String cause) {
		if (cause == null) {
			return null;
		}
		for (Form f : FORMS) {
			Matcher m = f.pattern().matcher(cause);
			if (m.matches()) {
				Object[] args = new Object[m.groupCount()];
				for (int i = 0; i < args.length; i++) {
					args[i] = m.group(i + 1);
				}
				return messages.getMessage(f.key(), args.length == 0 ? null : args, cause,
						LocaleContextHolder.getLocale());
			}
		}
		return cause;
	}

}
