package org.hostwright.provisioning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.bucket4j.Bucket;
import org.hostwright.platform.OutsideCalls;
import org.hostwright.platform.SandboxMode;
import org.hostwright.sandbox.WebuzoSimulator;
import org.hostwright.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Webuzo client against the protocol-faithful simulator on loopback. */
class WebuzoClientTests extends IntegrationTest {

	@Autowired
	SandboxMode sandbox;

	@Autowired
	WebuzoSimulator simulator;

	@Autowired
	OutsideCalls calls;

	final List<PanelExchange> exchanges = new CopyOnWriteArrayList<>();

	private WebuzoPanel panel(boolean basic, String secret, Duration timeout) {
		URI uri = sandbox.endpoint("webuzo").orElseThrow();
		return new WebuzoPanel(new PanelEndpoint(1, uri, uri, basic, "admin", secret),
				calls.client("webuzo", Duration.ofSeconds(5), timeout), timeout,
				Bucket.builder().addLimit(l -> l.capacity(50).refillGreedy(50, Duration.ofSeconds(1))).build(),
				calls.json(), exchanges::add);
	}

	private WebuzoPanel panel() {
		return panel(false, "sandbox-webuzo-key", Duration.ofSeconds(2));
	}

	private static String user() {
		return "t" + Long.toString(System.nanoTime() % 1_000_000_0L, 36);
	}

	@Test
	void fullAccountLifecycleWithApiKey() throws Exception {
		WebuzoPanel panel = panel();
		String user = user();
		String domain = user + ".example.test";
		panel.createAccount(
				new NewPanelAccount(user, "Secr3t!Passw0rd#x", domain, user + "@example.test", "Hollyn Lite"));

		PanelAccount found = panel.findAccount(user).orElseThrow();
		assertThat(found.domain()).isEqualTo(domain);
		assertThat(found.panelPackage()).isEqualTo("Hollyn Lite");
		assertThat(found.belongsTo(domain, user + "@example.test")).isTrue();
		assertThat(found.belongsTo("other.example.test", user + "@example.test")).isFalse();

		panel.changePackage(user, domain, user + "@example.test", "Hollyn Boost");
		assertThat(panel.findAccount(user).orElseThrow().panelPackage()).isEqualTo("Hollyn Boost");

		panel.addDomain(user, "addon-" + domain);
		assertThat(simulator.account(user).orElseThrow().addonDomains()).containsExactly("addon-" + domain);

		panel.suspend(user);
		assertThat(panel.findAccount(user).orElseThrow().suspended()).isTrue();
		panel.unsuspend(user);
		assertThat(panel.findAccount(user).orElseThrow().suspended()).isFalse();

		String sso = panel.singleSignOnUrl(user);
		assertThat(sso).contains("/sess").contains("?as=");
		HttpResponse<String> landing = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(sso)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(landing.body()).contains("signed in as " + user);

		panel.terminate(user);
		assertThat(panel.findAccount(user)).isEmpty();
	}

	@Test
	void existingUsernameIsReportedAsAlreadyExists() {
		WebuzoPanel panel = panel();
		String user = user();
		NewPanelAccount account = new NewPanelAccount(user, "Secr3t!Passw0rd#x", user + ".example.test",
				"a@example.test", null);
		panel.createAccount(account);
		assertThatThrownBy(() -> panel.createAccount(account)).isInstanceOf(PanelException.class)
			.extracting(ex -> ((PanelException) ex).kind())
			.isEqualTo(PanelException.Kind.ALREADY_EXISTS);
	}

	@Test
	void basicAuthenticationWorksAndWrongCredentialsAreAFailureDespiteHttp200() {
		String user = user();
		panel(true, "sandbox-webuzo-password", Duration.ofSeconds(2)).createAccount(new NewPanelAccount(user,
				"Secr3t!Passw0rd#x", user + ".example.test", "a@example.test", "Hollyn Lite"));
		assertThat(simulator.account(user)).isPresent();

		assertThatThrownBy(() -> panel(false, "wrong-key", Duration.ofSeconds(2)).findAccount(user))
			.isInstanceOf(PanelException.class)
			.hasMessageContaining("Authentication failed");
		assertThat(exchanges.get(exchanges.size() - 1).success()).isFalse();
		assertThat(exchanges.get(exchanges.size() - 1).response()).startsWith("HTTP 200");
	}

	@Test
	void errorsOfTheTestDomainsAndTimeouts() {
		WebuzoPanel panel = panel(false, "sandbox-webuzo-key", Duration.ofMillis(500));
		String user = user();
		assertThatThrownBy(() -> panel.createAccount(new NewPanelAccount(user, "Secr3t!Passw0rd#x",
				"broken-" + user + ".test", "a@example.test", "Hollyn Lite")))
			.isInstanceOf(PanelException.class)
			.extracting(ex -> ((PanelException) ex).kind())
			.isEqualTo(PanelException.Kind.REFUSED);
		String slow = user();
		assertThatThrownBy(() -> panel.createAccount(new NewPanelAccount(slow, "Secr3t!Passw0rd#x",
				"slow-" + slow + ".test", "a@example.test", "Hollyn Lite")))
			.isInstanceOf(PanelException.class)
			.extracting(ex -> ((PanelException) ex).kind())
			.isEqualTo(PanelException.Kind.UNREACHABLE);
	}

	@Test
	void callsWaitForThePerServerRateLimitInsteadOfFailing() {
		URI uri = sandbox.endpoint("webuzo").orElseThrow();
		WebuzoPanel limited = new WebuzoPanel(new PanelEndpoint(2, uri, uri, false, "admin", "sandbox-webuzo-key"),
				calls.client("webuzo", Duration.ofSeconds(5), Duration.ofSeconds(2)), Duration.ofSeconds(2),
				Bucket.builder().addLimit(l -> l.capacity(2).refillGreedy(2, Duration.ofSeconds(1))).build(),
				calls.json(), exchanges::add);
		long started = System.nanoTime();
		for (int i = 0; i < 6; i++) {
			assertThat(limited.findAccount("nobody" + i)).isEmpty();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1500));
	}

	@Test
	void unreachablePanelsErrorCarriesNoSecret() {
		// nothing listens on the discard port; single sign-on sends the key in the query
		URI down = URI.create("http://127.0.0.1:9");
		WebuzoPanel panel = new WebuzoPanel(new PanelEndpoint(3, down, down, false, "admin", "sandbox-webuzo-key"),
				calls.client("webuzo", Duration.ofSeconds(1), Duration.ofSeconds(1)), Duration.ofSeconds(1),
				Bucket.builder().addLimit(l -> l.capacity(5).refillGreedy(5, Duration.ofSeconds(1))).build(),
				calls.json(), exchanges::add);
		assertThatThrownBy(() -> panel.singleSignOnUrl("alice")).isInstanceOfSatisfying(PanelException.class, ex -> {
			assertThat(ex.kind()).isEqualTo(PanelException.Kind.UNREACHABLE);
			for (Throwable t = ex; t != null; t = t.getCause()) {
				assertThat(t.toString()).doesNotContain("sandbox-webuzo-key");
			}
		});
		assertThat(exchanges.get(exchanges.size() - 1).request()).contains("apikey=[redacted]")
			.doesNotContain("sandbox-webuzo-key");
	}

	@Test
	void loggedExchangesCarryNoSecrets() {
		WebuzoPanel panel = panel();
		String user = user();
		panel.createAccount(new NewPanelAccount(user, "Unique!Pass" + user, user + ".example.test", "a@example.test",
				"Hollyn Lite"));
		panel.singleSignOnUrl(user);
		assertThat(exchanges).isNotEmpty();
		assertThat(exchanges).allSatisfy(e -> {
			assertThat(e.request() + e.response()).doesNotContain("Unique!Pass")
				.doesNotContain("sandbox-webuzo-key")
				.doesNotContain("/sess");
		});
		assertThat(exchanges.get(0).request()).contains("user_passwd=[redacted]").contains("act=add_user");
	}

}
