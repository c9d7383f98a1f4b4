package org.hostwright.payments;

/**
 * The mobile-money services of Tanzania's operators, named as ZenoPay and customers know
 * them.
 */
public enum MobileMoneyProvider {

	MPESA("M-PESA"), TIGO_PESA("TIGO-PESA"), AIRTEL_MONEY("AIRTEL-MONEY"), HALOPESA("HALOPESA");

	private final String label;

	MobileMoneyProvider(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
