package org.hostwright.accounts;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Checks a passkey assertion with Spring Security's provider, then makes the session's
 * principal the account itself, as a password sign-in does: Spring's own answer has the
 * passkey's user entity as principal, which the rest of the platform (second-factor
 * filter, controllers, impersonation) does not know.
 */
final class PasskeyAuthentication implements AuthenticationManager {

	private final WebAuthnAuthenticationProvider passkeys;

	private final AccountUserDetailsService users;

	PasskeyAuthentication(WebAuthnRelyingPartyOperations relyingParty, AccountUserDetailsService users) {
		this.passkeys = new WebAuthnAuthenticationProvider(relyingParty, users);
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		Authentication checked = passkeys.authenticate(request);
		PublicKeyCredentialUserEntity entity = (PublicKeyCredentialUserEntity) checked.getPrincipal();
		UserDetails user = users.loadUserByUsername(entity.getName());
		if (!user.isEnabled() || !user.isAccountNonLocked()) {
			throw new DisabledException("account disabled");
		}
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

}
