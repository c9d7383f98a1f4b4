package org.hostwright.billing;

/** How money reached an invoice; stored and shown in its lowercase wire form. */
public enum PaymentMethod {

	MOBILE_MONEY, BANK_TRANSFER, CASH, CREDIT, MANUAL;

	public String wire() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
