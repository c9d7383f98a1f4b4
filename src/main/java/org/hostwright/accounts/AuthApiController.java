package org.hostwright.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hostwright.audit.AuditLog;
import org.hostwright.platform.InvalidInputException;
import org.hostwright.platform.Languages;
import org.hostwright.platform.RandomSecrets;
import org.hostwright.platform.TooManyRequestsException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts", description = "Registration, API tokens and the caller's profile")
@RestController
class AuthApiController {

	/**
	 * A real bcrypt hash compared against when the e-mail is unknown, so both paths take
	 * as long. Made on the first sign-in, not at start (as Spring Security's own
	 * DaoAuthenticationProvider does): a hash at the configured cost is a noticeable
	 * share of the start, and nothing needs it before a sign-in.
	 */
	private final SingletonSupplier<String> dummyHash;

	private final Accounts accounts;

	private final UserRepository users;

	private final ApiTokens tokens;

	private final PasswordEncoder encoder;

	private final SignInThrottle throttle;

	private final DeviceCookies devices;

	private final SignUpThrottle signUps;

	private final AuditLog audit;

	private final SecondFactors factors;

	private final AccountLanguages languages;

	AuthApiController(Accounts accounts, UserRepository users, ApiTokens tokens, PasswordEncoder encoder,
			SignInThrottle throttle, DeviceCookies devices, SignUpThrottle signUps, AuditLog audit,
			SecondFactors factors, AccountLanguages languages) {
		this.factors = factors;
		this.devices = devices;
		this.signUps = signUps;
		this.languages = languages;
		this.accounts = accounts;
		this.users = users;
		this.tokens = tokens;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.dummyHash = SingletonSupplier.of(() -> encoder.encode(RandomSecrets.token("")));
	}

	record RegisterRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
			@NotBlank String password, @Size(max = 30) String phone, String language) {
	}

	/**
	 * {@code language}: the saved choice (en, sw, fr, de), null when the user chose none.
	 */
	record AccountView(long id, String name, String email, String phone, String role, boolean emailVerified,
			Instant createdAt, String language) {

		static AccountView of(Account a, String language) {
			return new AccountView(a.id(), a.name(), a.email(), a.phone(), a.role().name().toLowerCase(Locale.ROOT),
					a.emailVerified(), a.createdAt(), language);
		}

	}

	private AccountView view(Account a) {
		return AccountView.of(a, languages.tag(a.id()).orElse(null));
	}

	/**
	 * A language the client sent must be one we offer; absent means "leave it as it is".
	 */
	private static Optional<Locale> language(String requested) {
		if (requested == null) {
			return Optional.empty();
		}
		return Optional.of(Languages.supported(requested)
			.map(Locale::forLanguageTag)
			.orElseThrow(() -> new InvalidInputException("language", "accounts.language.invalid",
					"Choose one of " + String.join(", ", Languages.SUPPORTED) + ".")));
	}

	/**
	 * {@code totp_code}: the authenticator's code (or a recovery code), needed when the
	 * account has a factor.
	 */
	record TokenRequest(@NotBlank String email, @NotBlank String password, @Size(max = 40) String totpCode) {
	}

	record TokenResponse(String token, String tokenType, Instant expiresAt) {
	}

	record ProfileRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Email String email,
			@Size(max = 30) String phone, String language) {
	}

	@Operation(summary = "Create a customer account")
	@PostMapping("/api/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request, Locale requestLocale) {
		signUps.acquire(request.getRemoteAddr());
		Locale chosen = language(body.language())
			.orElseGet(() -> Languages.supported(requestLocale).map(Locale::forLanguageTag).orElse(null));
		Account account = accounts
			.register(NewAccount.customer(body.name(), body.email(), body.phone(), body.password()));
		if (chosen != null) {
			languages.remember(account.id(), chosen);
		}
		return view(account);
	}

	@Operation(summary = "Exchange e-mail and password for a bearer token")
	@PostMapping("/api/auth/token")
	TokenResponse token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		var attempt = devices.attempt(request, body.email());
		throttle.blockedFor(attempt).ifPresent(wait -> {
			throw new TooManyRequestsException(wait);
		});
		var principal = users.findPrincipal(Accounts.normaliseEmail(body.email()));
		boolean ok = encoder.matches(body.password(), principal.map(AccountUser::getPassword).orElseGet(dummyHash))
				&& principal.isPresent() && principal.get().isEnabled();
		if (!ok) {
			throttle.failed(attempt);
			audit.recordFor(null, Accounts.normaliseEmail(body.email()), "auth.signin_failed", null, null, "api");
			throw new BadCredentials();
		}
		AccountUser user = principal.get();
		throttle.succeeded(attempt);
		// the API is no way around the second factor: an admin who must enrol does it on
		// the web first
		if (factors.mustEnrol(user)) {
			throw new InvalidInputException("totp_code", "accounts.factor.enrolFirst",
					"Set up a second factor on the web (Sign-in security) before using the API.");
		}
		if (factors.enrolled(user.id())) {
			if (body.totpCode() == null || body.totpCode().isBlank()) {
				throw new InvalidInputException("totp_code", "accounts.factor.codeRequired",
						"Enter the code from your authenticator app.");
			}
			if (factors.verify(user, body.totpCode()).isEmpty()) {
				throw new InvalidInputException("totp_code", "accounts.factor.wrong", "That code is not right.");
			}
		}
		audit.recordFor(user.id(), user.email(), "auth.token_issued", "user", user.id(), "api");
		var issued = tokens.issue(user.id());
		return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
	}

	@Operation(summary = "Revoke the bearer token used for this call")
	@DeleteMapping("/api/auth/token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@RequestHeader("Authorization") String authorization) {
		// the bearer filter has already vouched for the header; a malformed one revokes
		// nothing
		if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.revoke(authorization.substring(7).trim());
		}
	}

	@Operation(summary = "The caller's profile")
	@GetMapping("/api/me")
	AccountView me(@AuthenticationPrincipal AccountUser me) {
		return view(accounts.require(me.id()));
	}

	@Operation(summary = "Update the caller's name, e-mail, phone and language (en, sw, fr or de)")
	@PutMapping("/api/me")
	AccountView update(@AuthenticationPrincipal AccountUser me, @Valid @RequestBody ProfileRequest body) {
		Optional<Locale> chosen = language(body.language());
		Account updated = accounts.updateProfile(me.id(), body.name(), body.email(), body.phone());
		chosen.ifPresent(locale -> languages.remember(me.id(), locale));
		return view(updated);
	}

	/** Wrong password and unknown e-mail: the same 401, word for word. */
	@ResponseStatus(value = HttpStatus.UNAUTHORIZED)
	static final class BadCredentials extends RuntimeException {

		BadCredentials() {
			super("The e-mail or password is not right.");
		}

	}

}
