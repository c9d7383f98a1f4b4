/**
 * Protocol-faithful simulators of the outside systems (ZenoPay, Webuzo), real HTTP
 * servers on loopback, started only in sandbox mode. They register their address with
 * {@link org.hostwright.platform.SandboxMode#registerEndpoint}, and the real clients talk
 * to them exactly as they would to the real services.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sandbox simulators")
package org.hostwright.sandbox;
