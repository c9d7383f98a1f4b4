package org.hostwright.provisioning;

import org.hostwright.platform.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first panel server from configuration ({@code HOSTWRIGHT_WEBUZO_*}) when
 * there is none, so a fresh install provisions without an admin step. In sandbox mode
 * with no URL it points at the simulator.
 */
@Component
class PanelServerSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PanelServerSeed.class);

	private final PanelServers servers;

	private final WebuzoProperties webuzo;

	private final SandboxMode sandbox;

	PanelServerSeed(PanelServers servers, WebuzoProperties webuzo, SandboxMode sandbox) {
		this.servers = servers;
		this.webuzo = webuzo;
		this.sandbox = sandbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (servers.any()) {
			return;
		}
		String admin = webuzo.adminUrl().strip();
		if (admin.isEmpty()) {
			if (!sandbox.enabled()) {
				log.warn(
						"No panel server: set HOSTWRIGHT_WEBUZO_URL or add one at /admin/servers; paid orders wait until then");
				return;
			}
			String secret = webuzo.secret().isBlank()
					? (webuzo.basic() ? "sandbox-webuzo-password" : "sandbox-webuzo-key") : webuzo.secret();
			servers.seed("Webuzo (sandbox)", "sandbox:webuzo", "sandbox:webuzo", webuzo.basic(), webuzo.apiUser(),
					secret);
			return;
		}
		String enduser = webuzo.enduserUrl().isBlank() ? admin : webuzo.enduserUrl().strip();
		servers.seed("Webuzo", admin, enduser, webuzo.basic(), webuzo.apiUser(), webuzo.secret());
		log.info("Panel server created from configuration: {}", admin);
	}

}
