package org.hostwright.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The options of every embedded H2 URL ({@code hostwright.h2-options} in the
 * application's properties), for tests that build a URL of their own before any Spring
 * context resolves it.
 */
public final class H2Options {

	private H2Options() {
	}

	/** The options, with a leading {@code ;}, ready to append to a URL. */
	public static String suffix() {
		try (InputStream in = H2Options.class.getResourceAsStream("/application.properties")) {
			Properties p = new Properties();
			p.load(in);
			return ";" + p.getProperty("hostwright.h2-options");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
