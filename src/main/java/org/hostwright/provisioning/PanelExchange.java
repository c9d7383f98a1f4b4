package org.hostwright.provisioning;

/**
 * One call to a panel as it is logged: the action, the request and response with every
 * secret already removed, whether it succeeded and how long it took.
 */
public record PanelExchange(String action, String request, String response, boolean success, long millis) {
}
