package org.hostwright.accounts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hostwright.platform.RandomSecrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The device cookie: a browser that signed in successfully gets {@code hw_device} =
 * {@code <account id>.<random id>.<HMAC-SHA256 of both with a server key>} for a year. It
 * holds no power by itself (it signs no one in); it only tells the sign-in throttle that
 * this browser is one the account used before, so failures typed elsewhere never lock it
 * out.
 */
@Component
class DeviceCookies {

	static final String NAME = "hw_device";

	private static final Duration LIFETIME = Duration.ofDays(365);

	/** A device of an account, as proven by a valid cookie. */
	record Device(long accountId, String id) {
	}

	private final Supplier<byte[]> key;

	private final UserRepository users;

	private final boolean secure;

	@Autowired
	DeviceCookies(ServerKeys keys, UserRepository users,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		this(() -> keys.key("device-cookie"), users, secure);
	}

	DeviceCookies(Supplier<byte[]> key, UserRepository users, boolean secure) {
		this.key = key;
		this.users = users;
		this.secure = secure;
	}

	/** The value of a new cookie for the account (a fresh random device id). */
	String issue(long accountId) {
		String payload = accountId + "." + RandomSecrets.token("").substring(0, 22);
		return payload + "." + sign(payload);
	}

	/** The device the value proves, if its signature is right. */
	Optional<Device> verify(String value) {
		if (value == null || value.length() > 200) {
			return Optional.empty();
		}
		int last = value.lastIndexOf('.');
		int first = value.indexOf('.');
		if (first <= 0 || last <= first) {
			return Optional.empty();
		}
		String payload = value.substring(0, last);
		byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
		byte[] given = value.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, given)) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Device(Long.parseLong(value.substring(0, first)), payload));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The sign-in attempt for this request, trusted when its device cookie belongs to the
	 * e-mail's account.
	 */
	SignInThrottle.Attempt attempt(HttpServletRequest request, String email) {
		String address = request.getRemoteAddr();
		Optional<Device> device = read(request);
		if (device.isPresent() && email != null && email.length() <= 254) {
			var account = users.findByEmail(Accounts.normaliseEmail(email));
			if (account.isPresent() && account.get().id() == device.get().accountId()) {
				return new SignInThrottle.Attempt(email, address, device.get().id());
			}
		}
		return SignInThrottle.Attempt.untrusted(email, address);
	}

	/**
	 * Gives the browser a device cookie for the account unless it already carries one of
	 * it.
	 */
	void remember(long accountId, HttpServletRequest request, HttpServletResponse response) {
		if (read(request).filter(d -> d.accountId() == accountId).isPresent()) {
			return;
		}
		ResponseCookie cookie = ResponseCookie.from(NAME, issue(accountId))
			.path("/")
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.maxAge(LIFETIME)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private Optional<Device> read(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (var c : request.getCookies()) {
			if (NAME.equals(c.getName())) {
				return verify(c.getValue());
			}
		}
		return Optional.empty();
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
