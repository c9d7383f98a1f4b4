package org.hostwright.billing;

import java.util.Optional;

import org.hostwright.ordering.OrderInvoicing;
import org.hostwright.ordering.OrderView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Gives every new order its invoice, in the order's transaction. */
@Component
class OrderInvoicingAdapter implements OrderInvoicing {

	private final Billing billing;

	OrderInvoicingAdapter(Billing billing) {
		this.billing = billing;
	}

	@Override
	public void invoice(OrderView order) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			billing.invoiceOrder(order);
			return;
		}
		// issued just before the commit, after the mail and the order's events: the
		// numbering lock is then held for a few statements, not for the whole checkout
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCommit(boolean readOnly) {
				billing.invoiceOrder(order);
			}
		});
	}

	@Override
	public Optional<Long> invoiceOf(long orderId) {
		return billing.invoiceOfOrder(orderId);
	}

	@Override
	public void orderCancelled(long orderId) {
		billing.invoiceOfOrder(orderId).ifPresent(id -> {
			if (billing.require(id).status().canMoveTo(InvoiceStatus.CANCELLED)) {
				billing.cancel(id);
			}
		});
	}

	@Override
	public void orderDeleted(long orderId) {
		billing.releaseOrder(orderId);
	}

}
