package io.github.cerebras4j.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CerebrasSecretsSanitizer}: the proxy password is masked under its name, in every spelling the
 * actuator shows, and in any value that holds it; the API key still is, and nothing else.
 */
class CerebrasSecretsSanitizerTests {

	private static final String API_KEY = "csk-sanitizer-5f2b8d1e";

	private static final String PROXY_PASSWORD = "proxy-s3cret-9a7c";

	private final CerebrasSecretsSanitizer sanitizer = new CerebrasSecretsSanitizer(API_KEY, PROXY_PASSWORD);

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			cerebras.proxy.password | other
			CEREBRAS_PROXY_PASSWORD | other
			cerebras.proxy.Password | other
			HTTPS_PROXY             | http://alice:proxy-s3cret-9a7c@proxy:3128
			my.setting              | proxy-s3cret-9a7c
			""")
	void proxyPasswordIsMaskedByNameAndByValue(String key, String value) {
		assertThat(shown(this.sanitizer, key, value)).isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest(name = "{0}={1} masked: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			cerebras.api-key        | csk-other                     | true
			CEREBRAS_API_KEY        | csk-other                     | true
			my.header               | Bearer csk-sanitizer-5f2b8d1e | true
			cerebras.proxy.username | alice                         | false
			cerebras.proxy.host     | proxy.example.com             | false
			spring.ssl.bundle.jks.corporate.truststore.password | changeit | false
			""")
	void apiKeyIsStillMaskedAndOtherEntriesAreShown(String key, String value, boolean masked) {
		assertThat(shown(this.sanitizer, key, value)).isEqualTo(masked ? SanitizableData.SANITIZED_VALUE : value);
	}

	private static Object shown(CerebrasSecretsSanitizer sanitizer, String key, String value) {
		return sanitizer.apply(new SanitizableData(null, key, value)).getValue();
	}

}
