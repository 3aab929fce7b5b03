package io.github.cerebras4j.autoconfigure;

import io.github.cerebras4j.client.core.TlsSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslManagerBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * The client's TLS settings from the Spring Boot SSL bundle that {@code cerebras.ssl.bundle} names: its trust and key
 * managers, enabled protocols and cipher suites, as Boot's own Reactor Netty client support applies a bundle. A name
 * that no bundle has fails start-up with an {@link InvalidConfigurationPropertyValueException} of
 * {@code cerebras.ssl.bundle}, which Boot's failure analysis reports with the property, its value and origin.
 */
final class SslBundleTls {

	static final String PROPERTY = "cerebras.ssl.bundle";

	private SslBundleTls() {
	}

	/**
	 * Returns the TLS settings of the named bundle.
	 * @param name the bundle's name
	 * @param bundles Boot's bundles, or {@code null} when there is no {@link SslBundles} bean
	 * @return the settings
	 * @throws InvalidConfigurationPropertyValueException if there is no such bundle
	 */
	static TlsSettings tls(String name, @Nullable SslBundles bundles) {
		if (bundles == null) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, name,
					"There is no SslBundles bean to look the bundle up in: SSL bundles are configured under "
							+ "spring.ssl.bundle.* by Spring Boot's SslAutoConfiguration");
		}
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, name, "No SSL bundle is named '" + name
					+ "': configure it under spring.ssl.bundle.jks." + name + " or spring.ssl.bundle.pem." + name
					+ ", or set " + PROPERTY + " to the name of a configured bundle");
		}
		SslManagerBundle managers = bundle.getManagers();
		SslOptions options = bundle.getOptions();
		return TlsSettings.builder()
			.trustManagerFactory(managers.getTrustManagerFactory())
			.keyManagerFactory(managers.getKeyManagerFactory())
			.protocols(options.getEnabledProtocols())
			.ciphers(options.getCiphers())
			.build();
	}

}
