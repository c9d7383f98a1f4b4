import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that accepts every message and keeps none, so a benchmark's app delivers
 * its e-mail as in production (each rendered and sent by its delivery job) without a real
 * mail server. Prints how many messages it took every five seconds while that changes.
 *
 * <pre>java bench/SmtpSink.java 2525</pre>
 */
public class SmtpSink {

	static final AtomicLong accepted = new AtomicLong();

	public static void main(String[] args) throws Exception {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 2525;
		Thread reporter = new Thread(() -> {
			long last = -1;
			while (true) {
				try {
					Thread.sleep(5000);
				}
				catch (InterruptedException ex) {
					return;
				}
				long now = accepted.get();
				if (now != last) {
					System.out.println("smtp sink: " + now + " messages accepted");
					last = now;
				}
			}
		});
		reporter.setDaemon(true);
		reporter.start();
		try (ServerSocket server = new ServerSocket(port, 512, java.net.InetAddress.getLoopbackAddress())) {
			System.out.println("smtp sink on 127.0.0.1:" + port);
			while (true) {
				Socket s = server.accept();
				Thread t = new Thread(() -> session(s));
				t.setDaemon(true);
				t.start();
			}
		}
	}

	static void session(Socket s) {
		try (s) {
			BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = s.getOutputStream();
			reply(out, "220 sink ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
				switch (verb) {
					case "EHLO", "HELO" -> reply(out, "250 sink");
					case "DATA" -> {
						reply(out, "354 end with .");
						while ((line = in.readLine()) != null && !line.equals(".")) {
							// discarded
						}
						accepted.incrementAndGet();
						reply(out, "250 accepted");
					}
					case "QUIT" -> {
						reply(out, "221 bye");
						return;
					}
					default -> reply(out, "250 ok");
				}
			}
		}
		catch (Exception ex) {
			// a client that hangs up mid-session: nothing to keep
		}
	}

	static void reply(OutputStream out, String line) throws Exception {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

}
