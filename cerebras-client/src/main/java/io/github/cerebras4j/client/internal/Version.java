package io.github.cerebras4j.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this library, read once from a file Maven writes at build time.
 */
public final class Version {

	private static final String CURRENT = read();

	private Version() {
	}

	/**
	 * Returns the version of this library, as Maven wrote it at build time.
	 * @return the version, for example {@code 0.1.0}, or {@code unknown} when the file is missing
	 */
	public static String current() {
		return CURRENT;
	}

	private static String read() {
		try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
