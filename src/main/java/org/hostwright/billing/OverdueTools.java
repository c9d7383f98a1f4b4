package org.hostwright.billing;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared pieces every overdue step needs. */
@Component
record OverdueTools(OverdueStore store, InvoiceStore invoices, SettingsStore settings, OverdueScopes scopes,
		TransactionTemplate tx, Clock clock, OverdueMail mail) {
}
