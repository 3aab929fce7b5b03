package io.github.cerebras4j.readme;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;

import javax.net.ssl.TrustManagerFactory;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.ProxySettings;
import io.github.cerebras4j.client.core.TlsSettings;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.test.CerebrasMockServer;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The README's proxy and TLS example. No proxy listens on the port it is given, so a call that goes through the
 * proxy, as the example's does, cannot connect, although the API it would reach is up.
 */
@ExtendWith(EnvironmentMockServer.class)
class ProxiesAndTlsTests {

	@Test
	void callsGoThroughTheProxy(CerebrasMockServer server) throws Exception {
		String proxyHost = "127.0.0.1";
		int proxyPort = portNobodyListensOn();
		String proxyPassword = "s3cret";
		KeyStore corporateRoots = KeyStore.getInstance(KeyStore.getDefaultType());
		corporateRoots.load(null, null);
		// tag::proxy-and-tls[]
		TrustManagerFactory corporateTrust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		corporateTrust.init(corporateRoots);                       // a KeyStore with your corporate root certificates

		CerebrasTemplate cerebras = CerebrasTemplate.builder()
				.proxy(ProxySettings.builder()
						.host(proxyHost).port(proxyPort)                  // proxy.example.com, 3128
						.username("alice").password(proxyPassword)
						.nonProxyHosts("localhost|.*\\.internal\\.example\\.com")   // reached directly
						.build())
				.tls(TlsSettings.trusting(corporateTrust))
				.httpClientCustomizer(httpClient -> httpClient.resolver(DefaultAddressResolverGroup.INSTANCE))
				.build();
		// end::proxy-and-tls[]
		try (cerebras) {
			assertThatExceptionOfType(CerebrasConnectionException.class).isThrownBy(() -> cerebras.chat()
				.completions()
				.create(ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi").build()));
		}
		// the mock server, reached directly, would have answered
		assertThat(server.chatRequests()).isEmpty();
	}

	private static int portNobodyListensOn() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
