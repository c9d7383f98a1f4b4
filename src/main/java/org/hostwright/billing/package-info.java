/**
 * Billing: every charge is an invoice (an order's first payment, each renewal period, an
 * admin's one-off), numbered without gaps per year in the issuing transaction, taxed by
 * the customer's country, paid by mobile money, by hand or from the customer's credit
 * ledger. Renewals are made by the daily billing run, set-based and exactly once per
 * subscription and period (a unique key). {@link org.hostwright.billing.Billing} is the
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.hostwright.billing;
