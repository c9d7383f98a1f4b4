package org.hostwright.accounts;

import java.time.Instant;

/** A user as other modules see it (never the password hash). */
public record Account(long id, String email, String name, String phone, Role role, Instant emailVerifiedAt,
		boolean mustChangePassword, Instant createdAt) {

	public boolean admin() {
		return role == Role.ADMIN;
	}

	public boolean emailVerified() {
		return emailVerifiedAt != null;
	}

}
