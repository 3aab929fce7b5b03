package io.github.cerebras4j.client.core;

import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TlsSettings}: factories must be initialized, names of protocols and cipher suites must not be
 * blank, and what is not set keeps the defaults.
 */
class TlsSettingsTests {

	@Test
	void trustingKeepsTheFactoryAndTheDefaultsOtherwise() throws Exception {
		TrustManagerFactory trust = trustManagerFactory();

		TlsSettings tls = TlsSettings.trusting(trust);

		assertThat(tls.trustManagerFactory()).isSameAs(trust);
		assertThat(tls.keyManagerFactory()).isNull();
		assertThat(tls.protocols()).isNull();
		assertThat(tls.ciphers()).isNull();
		assertThat(tls).hasToString("TlsSettings[trustManagerFactory=PKIX, keyManagerFactory=none, protocols=default, "
				+ "ciphers=default]");
	}

	@Test
	void everySettingIsKept() throws Exception {
		KeyManagerFactory key = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		key.init(null, new char[0]);

		TlsSettings tls = TlsSettings.builder()
			.keyManagerFactory(key)
			.protocols("TLSv1.3", "TLSv1.2")
			.ciphers("TLS_AES_128_GCM_SHA256")
			.build();

		assertThat(tls.keyManagerFactory()).isSameAs(key);
		assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
		assertThat(tls.ciphers()).containsExactly("TLS_AES_128_GCM_SHA256");
		assertThat(tls).isEqualTo(TlsSettings.builder()
			.keyManagerFactory(key)
			.protocols("TLSv1.3", "TLSv1.2")
			.ciphers("TLS_AES_128_GCM_SHA256")
			.build());
	}

	@Test
	void noProtocolsOrCiphersRestoreTheDefaults() {
		TlsSettings tls = TlsSettings.builder().protocols("TLSv1.3").protocols().ciphers((String[]) null).build();

		assertThat(tls.protocols()).isNull();
		assertThat(tls.ciphers()).isNull();
	}

	@Test
	void factoriesMustBeInitialized() throws Exception {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TlsSettings.trusting(TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm())))
			.withMessage("trustManagerFactory must be initialized: call its init(..) first");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TlsSettings.builder()
				.keyManagerFactory(KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm())))
			.withMessage("keyManagerFactory must be initialized: call its init(..) first");
	}

	@Test
	void namesMustNotBeBlank() {
		assertThatIllegalArgumentException().isThrownBy(() -> TlsSettings.builder().protocols("TLSv1.3", " "))
			.withMessage("protocols must not hold a null or blank name, was [TLSv1.3,  ]");
		assertThatIllegalArgumentException().isThrownBy(() -> TlsSettings.builder().ciphers((String) null))
			.withMessage("ciphers must not hold a null or blank name, was [null]");
	}

	private static TrustManagerFactory trustManagerFactory() throws Exception {
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init((KeyStore) null);
		return factory;
	}

}
