package org.hostwright.provisioning;

import org.hostwright.platform.ConflictException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single sign-on into the end-user panel: asks the panel for a one-time URL and logs the
 * step.
 */
@Component
class PanelSignOn {

	private final PanelConnector panels;

	private final ServiceStore store;

	private final ProvisioningLog logs;

	private final TransactionTemplate tx;

	PanelSignOn(PanelConnector panels, ServiceStore store, ProvisioningLog logs, TransactionTemplate tx) {
		this.panels = panels;
		this.store = store;
		this.logs = logs;
		this.tx = tx;
	}

	String url(HostingService s) {
		if (s.status() != ServiceStatus.ACTIVE || s.panelUsername() == null || s.panelServerId() == null) {
			throw new ConflictException("provisioning.sso.notActive",
					"The control panel opens once the service is active.");
		}
		Trail trail = new Trail();
		try {
			String url = panels.open(s.panelServerId(), trail).singleSignOnUrl(s.panelUsername());
			tx.executeWithoutResult(status -> trail.writeTo(logs, s));
			return url;
		}
		catch (PanelException ex) {
			tx.executeWithoutResult(status -> {
				trail.writeTo(logs, s);
				logs.step(s, "sso", false, ex.getMessage());
			});
			throw new ConflictException("provisioning.sso.failed",
					"The control panel did not answer; please try again in a minute.");
		}
	}

	/** The end-user panel's address (shown with the credentials). */
	String panelUrl(HostingService s) {
		if (s.panelServerId() == null) {
			return null;
		}
		try {
			return panels.enduserUrl(s.panelServerId()).toString();
		}
		catch (PanelException ex) {
			return null;
		}
	}

	boolean exists(long id) {
		return store.find(id).isPresent();
	}

}
