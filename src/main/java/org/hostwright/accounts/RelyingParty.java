package org.hostwright.accounts;

import java.net.URI;
import java.util.Set;
import java.util.function.Supplier;

import com.google.common.base.Suppliers;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.Links;
import org.hostwright.platform.PlatformProperties;

import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * The passkey relying party of this installation: its id is the host of the public
 * address ({@code HOSTWRIGHT_BASE_URL}, else {@code localhost}) and the one allowed
 * origin is that address, both known only once the server has its port, so the WebAuthn
 * operations are made on first use. A registration is audited.
 */
final class RelyingParty implements WebAuthnRelyingPartyOperations {

	private final Supplier<WebAuthnRelyingPartyOperations> operations;

	private final AuditLog audit;

	private final UserRepository users;

	RelyingParty(PasskeyStore store, Links links, PlatformProperties platform, AuditLog audit, UserRepository users) {
		this.audit = audit;
		this.users = users;
		this.operations = Suppliers.memoize(() -> {
			URI base = URI.create(links.baseUrl());
			String origin = base.getScheme() + "://" + base.getHost()
					+ (base.getPort() < 0 ? "" : ":" + base.getPort());
			var rp = PublicKeyCredentialRpEntity.builder().id(base.getHost()).name(platform.brandName()).build();
			return new Webauthn4JRelyingPartyOperations(store.userEntities(), store.credentials(), rp, Set.of(origin));
		});
	}

	@Override
	public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
			PublicKeyCredentialCreationOptionsRequest request) {
		return operations.get().createPublicKeyCredentialCreationOptions(request);
	}

	@Override
	public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
		CredentialRecord record = operations.get().registerCredential(request);
		// the options were made for the signed-in account: its e-mail is the user
		// entity's name
		String email = request.getCreationOptions().getUser().getName();
		users.findPrincipal(email)
			.ifPresent(user -> audit.recordFor(user.id(), user.email(), "auth.passkey_enrolled", "user", user.id(),
					record.getLabel()));
		return record;
	}

	@Override
	public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
			PublicKeyCredentialRequestOptionsRequest request) {
		return operations.get().createCredentialRequestOptions(request);
	}

	@Override
	public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
		return operations.get().authenticate(request);
	}

}
