package org.hostwright.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a failed outside call tells its caller, on real sockets: never sent (nothing
 * listens, the name does not resolve), sent without an answer in time, or broken during
 * the exchange. A payment push is refused at once only in the first case.
 */
class OutsideCallsTests {

	private final OutsideCalls calls = new OutsideCalls(JsonMapper.builder().build());

	@Test
	void nothingListeningOrAnUnknownHostIsNeverSent() {
		assertThat(failure("http://127.0.0.1:9/x")).isEqualTo(OutsideCalls.Failure.NOT_SENT);
		assertThat(failure("http://no-such-host.invalid/x")).isEqualTo(OutsideCalls.Failure.NOT_SENT);
	}

	@Test
	void aServerThatTakesTheRequestAndNeverAnswersIsNoAnswer() throws Exception {
		try (Peer peer = new Peer(socket -> {
			read(socket);
			sleep(5_000);
		})) {
			assertThat(failure(peer.url())).isEqualTo(OutsideCalls.Failure.NO_ANSWER);
		}
	}

	@Test
	void aServerThatHangsUpWithoutAnAnswerIsBroken() throws Exception {
		try (Peer peer = new Peer(OutsideCallsTests::read)) {
			assertThat(failure(peer.url())).isEqualTo(OutsideCalls.Failure.BROKEN);
		}
	}

	private OutsideCalls.Failure failure(String url) {
		ResourceAccessException ex = catchThrowableOfType(ResourceAccessException.class,
				() -> calls.client("test", Duration.ofSeconds(1), Duration.ofMillis(500))
					.get()
					.uri(url)
					.retrieve()
					.toEntity(String.class));
		return OutsideCalls.Failure.of(OutsideCalls.failure(ex));
	}

	private static void read(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			// the request's head: up to its blank line
			StringBuilder head = new StringBuilder();
			while (!head.toString().contains("\r\n\r\n")) {
				int n = in.read(buffer);
				if (n < 0) {
					return;
				}
				head.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
			}
		}
		catch (IOException ex) {
			// the client gave up first
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A loopback server that hands each connection to {@code handler}, then closes it.
	 */
	private static final class Peer implements AutoCloseable {

		private final ServerSocket server;

		Peer(Consumer<Socket> handler) throws IOException {
			server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			Thread accept = new Thread(() -> {
				while (!server.isClosed()) {
					try (Socket socket = server.accept()) {
						handler.accept(socket);
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "outside-calls-peer");
			accept.setDaemon(true);
			accept.start();
		}

		String url() {
			return "http://127.0.0.1:" + server.getLocalPort() + "/x";
		}

		@Override
		public void close() throws IOException {
			server.close();
		}

	}

}
