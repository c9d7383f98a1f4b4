/**
 * People and access: customers and admins, sign-up and sign-in (web sessions and API
 * bearer tokens), password reset, e-mail verification, profile, sign-in rate limits,
 * impersonation and the first admin. {@link org.hostwright.accounts.Accounts} is the
 * module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.hostwright.accounts;
