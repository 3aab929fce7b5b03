package io.github.cerebras4j.client.core;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * The TLS material of the client's connections, in JDK types: the certificates it trusts (for example a corporate
 * root that a TLS-inspecting proxy or an on-premises gateway presents), the key it presents for mutual TLS, and the
 * protocols and cipher suites it offers. What is not set keeps the JDK's default (its {@code cacerts}, no client
 * certificate). Given to the template builder's {@code tls(..)}; with Spring Boot, {@code cerebras.ssl.bundle} names
 * an SSL bundle that makes one. The server's host name is always verified against its certificate.
 *
 * <pre class="code">
 * TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
 * trust.init(corporateTrustStore);
 * CerebrasTemplate cerebras = CerebrasTemplate.builder().tls(TlsSettings.trusting(trust)).build();
 * </pre>
 */
public final class TlsSettings {

	private final @Nullable TrustManagerFactory trustManagerFactory;

	private final @Nullable KeyManagerFactory keyManagerFactory;

	private final @Nullable List<String> protocols;

	private final @Nullable List<String> ciphers;

	private TlsSettings(Builder builder) {
		this.trustManagerFactory = builder.trustManagerFactory;
		this.keyManagerFactory = builder.keyManagerFactory;
		this.protocols = builder.protocols;
		this.ciphers = builder.ciphers;
	}

	/**
	 * Returns settings that trust the certificates of a trust manager factory, and keep the defaults otherwise.
	 * @param trustManagerFactory an initialized factory
	 * @return the settings
	 * @throws IllegalArgumentException if the factory was not initialized
	 */
	public static TlsSettings trusting(TrustManagerFactory trustManagerFactory) {
		return builder().trustManagerFactory(trustManagerFactory).build();
	}

	/**
	 * Starts building settings.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns what decides which servers are trusted.
	 * @return the factory, or {@code null} for the JDK's default trust store
	 */
	public @Nullable TrustManagerFactory trustManagerFactory() {
		return this.trustManagerFactory;
	}

	/**
	 * Returns the key and certificate presented to a server that asks for one (mutual TLS).
	 * @return the factory, or {@code null} for none
	 */
	public @Nullable KeyManagerFactory keyManagerFactory() {
		return this.keyManagerFactory;
	}

	/**
	 * Returns the TLS protocols offered, such as {@code TLSv1.3}.
	 * @return the protocols, or {@code null} for the defaults
	 */
	public @Nullable List<String> protocols() {
		return this.protocols;
	}

	/**
	 * Returns the cipher suites offered.
	 * @return the cipher suites, or {@code null} for the defaults
	 */
	public @Nullable List<String> ciphers() {
		return this.ciphers;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof TlsSettings that
				&& Objects.equals(this.trustManagerFactory, that.trustManagerFactory)
				&& Objects.equals(this.keyManagerFactory, that.keyManagerFactory)
				&& Objects.equals(this.protocols, that.protocols) && Objects.equals(this.ciphers, that.ciphers));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.trustManagerFactory, this.keyManagerFactory, this.protocols, this.ciphers);
	}

	@Override
	public String toString() {
		return "TlsSettings[trustManagerFactory="
				+ ((this.trustManagerFactory != null) ? this.trustManagerFactory.getAlgorithm() : "default")
				+ ", keyManagerFactory="
				+ ((this.keyManagerFactory != null) ? this.keyManagerFactory.getAlgorithm() : "none") + ", protocols="
				+ ((this.protocols != null) ? this.protocols : "default") + ", ciphers="
				+ ((this.ciphers != null) ? this.ciphers : "default") + "]";
	}

	/**
	 * Builds {@link TlsSettings}; each setting is checked when set.
	 */
	public static final class Builder {

		private @Nullable TrustManagerFactory trustManagerFactory;

		private @Nullable KeyManagerFactory keyManagerFactory;

		private @Nullable List<String> protocols;

		private @Nullable List<String> ciphers;

		private Builder() {
		}

		/**
		 * Sets what decides which servers are trusted; the JDK's default trust store unless set.
		 * @param trustManagerFactory an initialized factory
		 * @return this builder
		 * @throws IllegalArgumentException if the factory is {@code null} or was not initialized
		 */
		public Builder trustManagerFactory(TrustManagerFactory trustManagerFactory) {
			if (trustManagerFactory == null) {
				throw new IllegalArgumentException("trustManagerFactory must not be null");
			}
			try {
				trustManagerFactory.getTrustManagers();
			}
			catch (IllegalStateException ex) {
				throw new IllegalArgumentException("trustManagerFactory must be initialized: call its init(..) first", ex);
			}
			this.trustManagerFactory = trustManagerFactory;
			return this;
		}

		/**
		 * Sets the key and certificate presented to a server that asks for one (mutual TLS); none unless set.
		 * @param keyManagerFactory an initialized factory
		 * @return this builder
		 * @throws IllegalArgumentException if the factory is {@code null} or was not initialized
		 */
		public Builder keyManagerFactory(KeyManagerFactory keyManagerFactory) {
			if (keyManagerFactory == null) {
				throw new IllegalArgumentException("keyManagerFactory must not be null");
			}
			try {
				keyManagerFactory.getKeyManagers();
			}
			catch (IllegalStateException ex) {
				throw new IllegalArgumentException("keyManagerFactory must be initialized: call its init(..) first", ex);
			}
			this.keyManagerFactory = keyManagerFactory;
			return this;
		}

		/**
		 * Sets the TLS protocols offered, such as {@code TLSv1.3}; the defaults unless set.
		 * @param protocols the protocols; none, or {@code null}, restores the defaults
		 * @return this builder
		 * @throws IllegalArgumentException if a protocol is {@code null} or blank
		 */
		public Builder protocols(String @Nullable ... protocols) {
			this.protocols = names("protocols", protocols);
			return this;
		}

		/**
		 * Sets the cipher suites offered, such as {@code TLS_AES_128_GCM_SHA256}; the defaults unless set.
		 * @param ciphers the cipher suites; none, or {@code null}, restores the defaults
		 * @return this builder
		 * @throws IllegalArgumentException if a cipher suite is {@code null} or blank
		 */
		public Builder ciphers(String @Nullable ... ciphers) {
			this.ciphers = names("ciphers", ciphers);
			return this;
		}

		private static @Nullable List<String> names(String name, String @Nullable [] values) {
			if (values == null || values.length == 0) {
				return null;
			}
			for (String value : values) {
				if (value == null || value.isBlank()) {
					throw new IllegalArgumentException(name + " must not hold a null or blank name, was "
							+ Arrays.toString(values));
				}
			}
			return List.of(values);
		}

		/**
		 * Builds the settings.
		 * @return the settings
		 */
		public TlsSettings build() {
			return new TlsSettings(this);
		}

	}

}
