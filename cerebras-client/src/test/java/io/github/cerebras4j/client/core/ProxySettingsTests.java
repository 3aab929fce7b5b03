package io.github.cerebras4j.client.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ProxySettings}: what {@code build()} checks, with messages that name the setting and never the
 * password, and a {@code toString()} that masks it.
 */
class ProxySettingsTests {

	private static final String PASSWORD = "proxy-s3cret-7c1e";

	@Test
	void settingsAreKeptAsGiven() {
		ProxySettings proxy = ProxySettings.builder()
			.host(" proxy.example.com ")
			.port(3128)
			.username("alice")
			.password(PASSWORD)
			.nonProxyHosts("localhost|.*\\.internal")
			.build();

		assertThat(proxy.host()).isEqualTo("proxy.example.com");
		assertThat(proxy.port()).isEqualTo(3128);
		assertThat(proxy.username()).isEqualTo("alice");
		assertThat(proxy.password()).isEqualTo(PASSWORD);
		assertThat(proxy.nonProxyHosts()).isEqualTo("localhost|.*\\.internal");
	}

	@Test
	void ofMakesAProxyWithoutCredentialsForEveryHost() {
		ProxySettings proxy = ProxySettings.of("10.0.0.1", 8080);

		assertThat(proxy.username()).isNull();
		assertThat(proxy.password()).isNull();
		assertThat(proxy.nonProxyHosts()).isNull();
		assertThat(proxy).isEqualTo(ProxySettings.builder().host("10.0.0.1").port(8080).build())
			.hasSameHashCodeAs(ProxySettings.builder().host("10.0.0.1").port(8080).build())
			.isNotEqualTo(ProxySettings.of("10.0.0.1", 8081));
	}

	@Test
	void toStringMasksThePassword() {
		ProxySettings proxy = ProxySettings.builder().host("proxy").port(3128).username("alice").password(PASSWORD).build();

		assertThat(proxy).hasToString("ProxySettings[host=proxy, port=3128, username=alice, password=[REDACTED], "
				+ "nonProxyHosts=null]");
		assertThat(ProxySettings.of("proxy", 3128)).hasToString(
				"ProxySettings[host=proxy, port=3128, username=null, password=null, nonProxyHosts=null]");
	}

	@Test
	void hostIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.builder().port(3128).build())
			.withMessage("proxy host must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of(" ", 3128))
			.withMessage("proxy host must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://proxy.example.com", "proxy.example.com:3128", "proxy example", "proxy/path" })
	void hostIsABareHost(String host) {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of(host, 3128))
			.withMessage("proxy host must be a host name or an IP address, without scheme or port, such as "
					+ "proxy.example.com, was '" + host + "'");
	}

	@Test
	void hostMayBeAnIpv6Address() {
		assertThat(ProxySettings.of("::1", 3128).host()).isEqualTo("::1");
	}

	@Test
	void hostWithUserInformationIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of("alice:" + PASSWORD + "@proxy", 3128))
			.withMessage("proxy host must not hold user information; set the proxy's username and password on their own")
			.withMessageNotContaining(PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 65536 })
	void portIsBetween1And65535(int port) {
		assertThatIllegalArgumentException().isThrownBy(() -> ProxySettings.of("proxy", port))
			.withMessage("proxy port must be between 1 and 65535, was " + port);
		assertThat(ProxySettings.of("proxy", 65535).port()).isEqualTo(65535);
	}

	@Test
	void usernameWithoutPasswordIsAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxySettings.builder().host("proxy").port(3128).username("alice").build())
			.withMessage("proxy username is set without proxy password; set both or neither");
	}

	@Test
	void passwordWithoutUsernameIsAnErrorThatDoesNotShowIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxySettings.builder().host("proxy").port(3128).password(PASSWORD).build())
			.withMessage("proxy password is set without proxy username; set both or neither");
	}

	@Test
	void blankUsernameAndEmptyPasswordAreErrors() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxySettings.builder().host("proxy").port(3128).username(" ").password(PASSWORD).build())
			.withMessage("proxy username must not be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxySettings.builder().host("proxy").port(3128).username("alice").password("").build())
			.withMessage("proxy password must not be empty");
	}

	@Test
	void nonProxyHostsIsARegularExpression() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxySettings.builder().host("proxy").port(3128).nonProxyHosts("*.internal").build())
			.withMessageStartingWith("proxy nonProxyHosts must be a regular expression such as "
					+ "'localhost|.*\\.internal\\.example\\.com', was '*.internal' (Dangling meta character '*' near "
					+ "index 0)");
		assertThat(ProxySettings.builder().host("proxy").port(3128).nonProxyHosts(" ").build().nonProxyHosts()).isNull();
	}

}
