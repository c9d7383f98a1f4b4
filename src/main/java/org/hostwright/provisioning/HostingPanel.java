package org.hostwright.provisioning;

import java.util.Optional;

/**
 * What Hostwright needs from a control panel. Implementations speak the panel's own wire
 * protocol and throw {@link PanelException} for anything the panel refused or did not
 * answer.
 */
public interface HostingPanel {

	/**
	 * Creates the account; an existing username fails with
	 * {@link PanelException#alreadyExists()}.
	 */
	void createAccount(NewPanelAccount account);

	void changePackage(String username, String domain, String email, String panelPackage);

	void suspend(String username);

	void unsuspend(String username);

	void terminate(String username);

	/** Adds an addon domain to the user's account. */
	void addDomain(String username, String domain);

	/** A one-time URL that signs the user into the end-user panel. */
	String singleSignOnUrl(String username);

	Optional<PanelAccount> findAccount(String username);

}
