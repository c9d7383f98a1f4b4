package org.hostwright.accounts;

import org.hostwright.audit.AuditLog;
import org.hostwright.platform.Links;
import org.hostwright.platform.PlatformProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/** The beans Spring Security's passkey support looks up (see {@link RelyingParty}). */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

	@Bean
	PublicKeyCredentialUserEntityRepository passkeyUserEntities(PasskeyStore store) {
		return store.userEntities();
	}

	@Bean
	UserCredentialRepository passkeyCredentials(PasskeyStore store) {
		return store.credentials();
	}

	@Bean
	WebAuthnRelyingPartyOperations passkeyRelyingParty(PasskeyStore store, Links links, PlatformProperties platform,
			AuditLog audit, UserRepository users) {
		return new RelyingParty(store, links, platform, audit, users);
	}

}
