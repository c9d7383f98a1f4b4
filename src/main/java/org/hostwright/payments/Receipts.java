package org.hostwright.payments;

import java.util.HashMap;
import java.util.Map;

import org.hostwright.accounts.Account;
import org.hostwright.accounts.Accounts;
import org.hostwright.notifications.Mailer;
import org.hostwright.ordering.OrderView;
import org.hostwright.platform.Links;
import org.hostwright.platform.Money;

import org.springframework.stereotype.Component;

/** The payment receipt e-mail, queued in the transaction that marks the order paid. */
@Component
class Receipts {

	private final Accounts accounts;

	private final Mailer mailer;

	private final Links links;

	Receipts(Accounts accounts, Mailer mailer, Links links) {
		this.accounts = accounts;
		this.mailer = mailer;
		this.links = links;
	}

	void send(OrderView order, long amountMinor, String reference, String method) {
		Account customer = accounts.require(order.customerId());
		Map<String, Object> model = new HashMap<>();
		model.put("name", customer.name());
		model.put("planName", order.planName());
		model.put("amount", Money.of(amountMinor, order.currency()));
		model.put("reference", reference == null ? "—" : reference);
		model.put("method", method == null ? "—" : method);
		model.put("orderUuid", order.uuid().toString());
		model.put("orderUrl", links.url("/order/" + order.uuid()));
		mailer.send(customer.email(), "payment-receipt", model);
	}

}
