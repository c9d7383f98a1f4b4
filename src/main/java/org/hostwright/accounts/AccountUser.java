package org.hostwright.accounts;

import java.util.Collection;
import java.util.List;

import org.hostwright.platform.AuthenticatedUser;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in principal. Controllers receive it with
 * {@code @AuthenticationPrincipal AccountUser me} and check ownership with {@link #id()}.
 */
public final class AccountUser implements UserDetails, CredentialsContainer, AuthenticatedUser {

	private final long id;

	private final String email;

	private final String name;

	private final Role role;

	private final boolean enabled;

	private final boolean mustChangePassword;

	private String passwordHash;

	AccountUser(long id, String email, String name, Role role, boolean enabled, boolean mustChangePassword,
			String passwordHash) {
		this.id = id;
		this.email = email;
		this.name = name;
		this.role = role;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.passwordHash = passwordHash;
	}

	static AccountUser of(Account a) {
		return new AccountUser(a.id(), a.email(), a.name(), a.role(), true, a.mustChangePassword(), null);
	}

	@Override
	public long id() {
		return id;
	}

	@Override
	public String email() {
		return email;
	}

	@Override
	public String displayName() {
		return name;
	}

	public String name() {
		return name;
	}

	public Role role() {
		return role;
	}

	@Override
	public boolean admin() {
		return role == Role.ADMIN;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof AccountUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "AccountUser[" + id + ", " + role + "]";
	}

}
