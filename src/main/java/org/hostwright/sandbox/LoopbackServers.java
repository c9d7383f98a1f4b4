package org.hostwright.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpServer;

/**
 * The simulators' HTTP servers: the JDK's, on a free loopback port, with Nagle's
 * algorithm off. The JDK server writes a response's headers and its body apart; with
 * Nagle's algorithm on, the body waited for the client's delayed acknowledgement of the
 * headers, so every call on a kept-alive connection took 40 ms (a sale's payments,
 * confirmations and panel calls each waited that long, holding their threads).
 */
final class LoopbackServers {

	/** The JDK server reads it once, when its first server is made in this JVM. */
	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	private LoopbackServers() {
	}

	static HttpServer create() throws IOException {
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
		return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
	}

}
