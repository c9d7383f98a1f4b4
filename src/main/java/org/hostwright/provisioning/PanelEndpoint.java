package org.hostwright.provisioning;

import java.net.URI;

/**
 * Where and how to reach one panel server, with its secret already decrypted (never
 * logged).
 */
record PanelEndpoint(long serverId, URI adminUrl, URI enduserUrl, boolean basicAuth, String user, String secret) {

	@Override
	public String toString() {
		return "PanelEndpoint[server=" + serverId + ", admin=" + adminUrl + ", enduser=" + enduserUrl + "]";
	}

}
