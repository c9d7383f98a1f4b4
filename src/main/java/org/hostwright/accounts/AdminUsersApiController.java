package org.hostwright.accounts;

import java.time.Instant;
import java.util.Locale;

import org.hostwright.platform.Slice;
import org.hostwright.platform.web.PageOf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users for admins over the JSON API: the list (search, role filter, bounded pages, as on
 * the admin users page), a {@link PageOf}.
 */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Admin console")
@RestController
class AdminUsersApiController {

	private final UserDirectory users;

	AdminUsersApiController(UserDirectory users) {
		this.users = users;
	}

	/** A user as the API names it (the role lowercase, as in /api/auth/me). */
	record UserItem(long id, String name, String email, String phone, String role, boolean emailVerified,
			Instant createdAt) {

		static UserItem of(UserDirectory.UserRow u) {
			return new UserItem(u.id(), u.name(), u.email(), u.phone(), u.role().toLowerCase(Locale.ROOT),
					u.emailVerified(), u.createdAt());
		}

	}

	@GetMapping("/api/admin/users")
	PageOf<UserItem> users(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageOf.of(users.list(new UserDirectory.Filter(q, role), Slice.page(page), Slice.size(size)),
				UserItem::of);
	}

}
