package org.hostwright.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.hostwright.sandbox.WebuzoSimulator.SimulatedAccount;

/** The simulated Webuzo actions: strict about the fields the real panel requires. */
final class WebuzoActions {

	private static final Pattern USER = Pattern.compile("[a-z][a-z0-9]{0,15}");

	private static final Pattern DOMAIN = Pattern
		.compile("(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

	private WebuzoActions() {
	}

	static Map<String, Object> answer(WebuzoSimulator sim, Map<String, String> p) {
		String act = p.getOrDefault("act", "");
		return switch (act) {
			case "add_user" -> "1".equals(p.get("edit_user")) ? editUser(sim, p) : addUser(sim, p);
			case "users" -> users(sim, p);
			case "domainadd" -> domainAdd(sim, p);
			case "sso" -> sso(sim, p);
			case "plans" -> done(Map.of("plans", Map.of()));
			default -> WebuzoSimulator.error("act", "Unknown action: " + act);
		};
	}

	private static Map<String, Object> addUser(WebuzoSimulator sim, Map<String, String> p) {
		if (!"1".equals(p.get("create_user"))) {
			return WebuzoSimulator.error("create_user", "Nothing to do");
		}
		String user = p.getOrDefault("user", "");
		String domain = p.getOrDefault("domain", "").toLowerCase(Locale.ROOT);
		String password = p.getOrDefault("user_passwd", "");
		if (!USER.matcher(user).matches()) {
			return WebuzoSimulator.error("user", "The username is invalid");
		}
		if (!DOMAIN.matcher(domain).matches()) {
			return WebuzoSimulator.error("domain", "The domain is invalid");
		}
		if (password.length() < 8 || !password.equals(p.get("cnf_user_passwd"))) {
			return WebuzoSimulator.error("user_passwd", "The passwords are missing or do not match");
		}
		if (p.getOrDefault("email", "").isBlank()) {
			return WebuzoSimulator.error("email", "The email is required");
		}
		if (p.get("plan") == null && !"1".equals(p.get("prefill_default"))) {
			return WebuzoSimulator.error("plan", "Please choose a plan");
		}
		SimulatedAccount account = new SimulatedAccount(user, domain, p.get("email"), p.getOrDefault("plan", "default"),
				false, List.of());
		if (domain.startsWith("broken-")) {
			return WebuzoSimulator.error("server", "Could not create the user: the server is misconfigured");
		}
		if (domain.startsWith("flaky-") && sim.flakyShouldFail(domain)) {
			return WebuzoSimulator.error("server", "Temporary failure, please try again");
		}
		if (domain.startsWith("exists-")) {
			sim.store().putIfAbsent(user, account);
		}
		if (sim.store().containsKey(user)) {
			return WebuzoSimulator.error("user_exists", "The user " + user + " already exists");
		}
		if (sim.store().values().stream().anyMatch(a -> a.domain().equals(domain))) {
			return WebuzoSimulator.error("domain_taken", "The domain " + domain + " is used by another user");
		}
		sim.store().put(user, account);
		if (domain.startsWith("slow-") && sim.firstSlowAnswer(domain)) {
			sim.pause();
		}
		return done("User added successfully");
	}

	private static Map<String, Object> editUser(WebuzoSimulator sim, Map<String, String> p) {
		String user = p.getOrDefault("user", "");
		SimulatedAccount a = sim.store().get(user);
		if (a == null) {
			return WebuzoSimulator.error("user", "The user " + user + " does not exist");
		}
		sim.store()
			.put(user,
					new SimulatedAccount(user, p.getOrDefault("domain", a.domain()), p.getOrDefault("email", a.email()),
							p.getOrDefault("plan", a.plan()), a.suspended(), a.addonDomains()));
		return done("User edited successfully");
	}

	private static Map<String, Object> users(WebuzoSimulator sim, Map<String, String> p) {
		for (String op : List.of("suspend", "unsuspend", "delete_user")) {
			String user = p.get(op);
			if (user != null) {
				SimulatedAccount a = sim.store().get(user);
				if (a == null) {
					return WebuzoSimulator.error("user", "The user " + user + " does not exist");
				}
				switch (op) {
					case "suspend" -> sim.store()
						.put(user, new SimulatedAccount(user, a.domain(), a.email(), a.plan(), true, a.addonDomains()));
					case "unsuspend" -> sim.store()
						.put(user,
								new SimulatedAccount(user, a.domain(), a.email(), a.plan(), false, a.addonDomains()));
					default -> sim.store().remove(user);
				}
				sim.logged(user, op);
				return done("Action completed");
			}
		}
		String search = p.getOrDefault("search", "");
		Map<String, Object> users = new LinkedHashMap<>();
		sim.store()
			.values()
			.stream()
			.filter(a -> a.user().contains(search))
			.sorted((x, y) -> x.user().compareTo(y.user()))
			.forEach(a -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("user", a.user());
				row.put("domain", a.domain());
				row.put("email", a.email());
				row.put("plan", a.plan());
				row.put("status", a.suspended() ? "suspended" : "active");
				row.put("ip", "127.0.0.1");
				users.put(a.user(), row);
			});
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("users", users);
		return answer;
	}

	private static Map<String, Object> domainAdd(WebuzoSimulator sim, Map<String, String> p) {
		SimulatedAccount a = sim.store().get(p.getOrDefault("loginAs", ""));
		if (a == null) {
			return WebuzoSimulator.error("loginAs", "No such user");
		}
		String domain = p.getOrDefault("domain", "").toLowerCase(Locale.ROOT);
		if (!"1".equals(p.get("add")) || !DOMAIN.matcher(domain).matches()) {
			return WebuzoSimulator.error("domain", "The domain is invalid");
		}
		if (domain.equals(a.domain()) || a.addonDomains().contains(domain)) {
			return WebuzoSimulator.error("domain_exists", "The domain " + domain + " already exists");
		}
		List<String> addons = new ArrayList<>(a.addonDomains());
		addons.add(domain);
		sim.store()
			.put(a.user(), new SimulatedAccount(a.user(), a.domain(), a.email(), a.plan(), a.suspended(), addons));
		return done("Domain added");
	}

	private static Map<String, Object> sso(WebuzoSimulator sim, Map<String, String> p) {
		SimulatedAccount a = sim.store().get(p.getOrDefault("loginAs", ""));
		if (a == null) {
			return WebuzoSimulator.error("loginAs", "No such user");
		}
		if (a.suspended()) {
			return WebuzoSimulator.error("suspended", "The user is suspended");
		}
		return done(Map.of("url", sim.newSession(a.user())));
	}

	private static Map<String, Object> done(Object value) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("done", value);
		return answer;
	}

}
