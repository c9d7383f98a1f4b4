package org.hostwright.platform;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build's class data sharing training run ({@code hostwright.training-run=true}, see
 * pom.xml): once the application is ready it asks itself for the pages a start and its
 * first visitors need (health, storefront, plans, sign-in), then exits, so the archive
 * recorded at exit holds the classes of those requests and of the jobs that run at start,
 * not only those of the context's refresh. Never on otherwise.
 */
@Component
@ConditionalOnBooleanProperty("hostwright.training-run")
class TrainingRun {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	static final List<String> PATHS = List.of("/", "/api/plans", "/login", "/signup");

	/**
	 * Runs beside the start, not inside its listener: the health check answers 200 only
	 * once the application accepts traffic, after the ready listeners, and exiting inside
	 * one would wait on the start it is part of.
	 */
	@EventListener
	void ready(ApplicationReadyEvent ready) {
		ConfigurableApplicationContext context = ready.getApplicationContext();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Thread run = new Thread(() -> {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			// what the operator's health check sees, until healthy (a minute at most)
			for (int i = 0; i < 600 && get(http, port, "/actuator/health") != 200; i++) {
				pause();
			}
			PATHS.forEach(path -> get(http, port, path));
			recordArchive();
			System.exit(SpringApplication.exit(context));
		}, "training-run");
		run.start();
	}

	/**
	 * Leaves next to the archive this run is making which JVM makes it and for which jar,
	 * so a plain {@code java -jar} uses it only where it fits ({@link FastStart}).
	 */
	private static void recordArchive() {
		String option = "-XX:ArchiveClassesAtExit=";
		Optional<Path> jar = ArchiveRecord.classPathJar();
		ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(argument -> argument.startsWith(option))
			.findFirst()
			.filter(argument -> jar.isPresent())
			.ifPresent(argument -> {
				Path archive = Path.of(argument.substring(option.length()));
				try {
					ArchiveRecord.write(archive, jar.get());
					log.info("Training run: recorded the JVM and the jar {} is made for", archive);
				}
				catch (IOException ex) {
					log.warn("Training run: could not record the JVM and the jar of {}: {}", archive, ex.toString());
				}
			});
	}

	private static int get(HttpClient http, int port, String path) {
		try {
			int status = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
			log.info("Training run: {} answered {}", path, status);
			return status;
		}
		catch (Exception ex) {
			// a page that fails only leaves its classes out of the archive
			log.warn("Training run: {} failed: {}", path, ex.toString());
			return -1;
		}
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
