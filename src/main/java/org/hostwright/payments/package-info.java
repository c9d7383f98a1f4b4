/**
 * Payments: the {@link org.hostwright.payments.PaymentGateway} interface and its ZenoPay
 * adapter, payment attempts (stored before the gateway is called), webhook ingestion
 * (stored raw, confirmed with the gateway's status call, applied once), reconciliation of
 * attempts whose webhook never came, and manual payments recorded by admins.
 * {@link org.hostwright.payments.Payments} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.hostwright.payments;
