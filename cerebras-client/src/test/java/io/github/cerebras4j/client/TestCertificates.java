package io.github.cerebras4j.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Self-signed certificates for TLS tests, made at run time with the JDK's {@code keytool} (no key material is checked
 * in): each is a PKCS12 key store with an RSA key and its certificate, and a PKCS12 trust store with only the
 * certificate, both protected by {@link #PASSWORD}, written once per test run to a fresh folder under
 * {@code target/}. The same commands by hand:
 *
 * <pre>
 * keytool -genkeypair -alias localhost -keyalg RSA -keysize 2048 -validity 3650 -dname CN=localhost \
 *     -ext SAN=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore localhost.p12 -storepass changeit
 * keytool -exportcert -alias localhost -keystore localhost.p12 -storepass changeit -rfc -file localhost.crt
 * keytool -importcert -noprompt -alias localhost -file localhost.crt -storetype PKCS12 \
 *     -keystore localhost-trust.p12 -storepass changeit
 * </pre>
 */
final class TestCertificates {

	static final String PASSWORD = "changeit";

	private static final Map<String, Certificate> made = new ConcurrentHashMap<>();

	private static Path folder;

	private TestCertificates() {
	}

	/** A certificate for a server on 127.0.0.1 or localhost. */
	static Certificate localhost() {
		return certificate("localhost", "dns:localhost,ip:127.0.0.1");
	}

	/** A certificate for another host: trusted or not, a client of 127.0.0.1 must refuse it. */
	static Certificate otherHost() {
		return certificate("other", "dns:other.invalid");
	}

	/** A certificate a client presents (mutual TLS). */
	static Certificate client() {
		return certificate("client", null);
	}

	private static Certificate certificate(String name, @Nullable String subjectAlternativeNames) {
		return made.computeIfAbsent(name, (key) -> make(key, subjectAlternativeNames));
	}

	private static synchronized Certificate make(String name, @Nullable String subjectAlternativeNames) {
		try {
			Path folder = folder();
			Path keyStore = folder.resolve(name + ".p12");
			Path certificate = folder.resolve(name + ".crt");
			Path trustStore = folder.resolve(name + "-trust.p12");
			List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize",
					"2048", "-validity", "3650", "-dname", "CN=" + name, "-storetype", "PKCS12", "-keystore",
					keyStore.toString(), "-storepass", PASSWORD));
			if (subjectAlternativeNames != null) {
				generate.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
			}
			keytool(generate);
			keytool(List.of("-exportcert", "-alias", name, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
					"-rfc", "-file", certificate.toString()));
			keytool(List.of("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(), "-storetype",
					"PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD));
			return new Certificate(keyStore, trustStore);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not make the certificate " + name, ex);
		}
	}

	private static Path folder() throws IOException {
		if (folder == null) {
			Path target = Path.of("target");
			folder = Files.isDirectory(target) ? Files.createTempDirectory(target, "certificates")
					: Files.createTempDirectory("certificates");
		}
		return folder;
	}

	private static void keytool(List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool " + arguments.get(0) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A certificate's stores.
	 * @param keyStore the key and the certificate
	 * @param trustStore the certificate alone
	 */
	record Certificate(Path keyStore, Path trustStore) {

		/** Returns trust in this certificate alone. */
		TrustManagerFactory trustManagerFactory() {
			try {
				TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(load(this.trustStore));
				return factory;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** Returns this certificate and its key, to present. */
		KeyManagerFactory keyManagerFactory() {
			try {
				KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				factory.init(load(this.keyStore), PASSWORD.toCharArray());
				return factory;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static KeyStore load(Path path) throws Exception {
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(path)) {
				store.load(in, PASSWORD.toCharArray());
			}
			return store;
		}

	}

}
