package io.github.cerebras4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.ProxySettings;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.TlsSettings;
import io.github.cerebras4j.client.core.WarmUpResult;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.fixtures.ForwardingProxy;
import io.github.cerebras4j.client.fixtures.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Calls through an HTTP proxy ({@link ForwardingProxy}, on 127.0.0.1) set with the builder's {@code proxy(..)}: chats,
 * streams, warm-ups and pings reach the server through a tunnel each (the stubs answer {@code Connection: close}, so
 * that every call opens a connection of its own and the proxy counts it), with TLS inside the tunnel for an https
 * server; refused credentials are a proxy error, never an API error, and never show the password; a host matching
 * the non-proxy hosts is reached directly.
 */
class ProxyTests {

	private static final TestCertificates.Certificate LOCALHOST = TestCertificates.localhost();

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	@RegisterExtension
	static WireMockExtension httpsServer = CerebrasWireMock.httpsServer(LOCALHOST);

	private static final String USERNAME = "alice";

	private static final String PASSWORD = "proxy-s3cret-7c1e";

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say something.")
		.build();

	@Test
	void chatAndStreamGoThroughTheProxyWithItsCredentials() throws Exception {
		stubChatAndStream(server);
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials(USERNAME, PASSWORD);
				CerebrasTemplate cerebras = CerebrasWireMock.template(server).proxy(credentials(proxy)).build()) {
			String content = cerebras.chat().completions().create(REQUEST).content();
			List<String> words = CerebrasWireMock.streamedContent(cerebras, REQUEST);

			assertThat(content).isEqualTo("Fast inference makes AI feel instant.");
			assertThat(words).containsExactly("w0 ", "w1 ", "w2 ");
			assertThat(proxy.tunnels()).isEqualTo(2);
			// WireMock's base URL names localhost: the proxy is given the host name, and resolves it itself
			assertThat(proxy.requestLines()).containsOnly("CONNECT localhost:" + server.getPort() + " HTTP/1.1");
			assertThat(proxy.refusals()).isZero();
		}
		server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void httpsGoesThroughTheTunnelWithTlsInside() throws Exception {
		stubChatAndStream(httpsServer);
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials(USERNAME, PASSWORD);
				CerebrasTemplate cerebras = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(httpsServer))
					.proxy(credentials(proxy))
					.tls(TlsSettings.trusting(LOCALHOST.trustManagerFactory()))
					.build()) {
			assertThat(cerebras.chat().completions().create(REQUEST).content())
				.isEqualTo("Fast inference makes AI feel instant.");
			assertThat(CerebrasWireMock.streamedContent(cerebras, REQUEST)).containsExactly("w0 ", "w1 ", "w2 ");

			assertThat(proxy.requestLines()).hasSize(2)
				.containsOnly("CONNECT 127.0.0.1:" + httpsServer.getHttpsPort() + " HTTP/1.1");
		}
		httpsServer.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void warmUpAndPingGoThroughTheProxy() throws Exception {
		server.stubFor(get("/v1/tcp_warming").willReturn(okJson("{}").withHeader("Connection", "close")));
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials(USERNAME, PASSWORD);
				CerebrasTemplate cerebras = CerebrasWireMock.template(server).proxy(credentials(proxy)).build()) {
			WarmUpResult warmUp = cerebras.warmUp().join();
			assertThat(warmUp.isComplete()).isTrue();
			assertThat(proxy.tunnels()).isEqualTo(1);

			ResponseMetadata ping = cerebras.reactive().ping(Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
			assertThat(ping.status().value()).isEqualTo(200);
			assertThat(proxy.tunnels()).isEqualTo(2);
		}
		server.verify(2, getRequestedFor(urlEqualTo("/v1/tcp_warming")));
	}

	@ParameterizedTest(name = "username={0}, password={1}")
	@CsvSource({ "alice, wrong-password", "bob, " + PASSWORD, "," })
	void refusedCredentialsAreAProxyErrorThatNeverShowsThePassword(String username, String password) throws Exception {
		try (ForwardingProxy proxy = ForwardingProxy.withCredentials(USERNAME, PASSWORD);
				CerebrasTemplate cerebras = CerebrasWireMock.template(server)
					.proxy(ProxySettings.builder()
						.host("127.0.0.1")
						.port(proxy.port())
						.username(username)
						.password(password)
						.build())
					.build()) {
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies((ex) -> assertThat(ex.getClass()).isEqualTo(CerebrasConnectionException.class))
				.withMessageStartingWith("Proxy error: POST /v1/chat/completions: ")
				.withMessageContaining("407 Proxy Authentication Required")
				.withMessageContaining("check the proxy's username and password")
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(secrets(username, password)));
			assertThat(proxy.refusals()).isEqualTo(1);
			assertThat(proxy.tunnels()).isZero();
		}
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void hostMatchingTheNonProxyHostsIsReachedDirectly() throws Exception {
		stubChatAndStream(server);
		try (ForwardingProxy proxy = ForwardingProxy.open()) {
			ProxySettings settings = ProxySettings.builder()
				.host("127.0.0.1")
				.port(proxy.port())
				.nonProxyHosts("127\\.0\\.0\\.1|.*\\.internal")
				.build();
			try (CerebrasTemplate direct = CerebrasWireMock.template("http://127.0.0.1:" + server.getPort())
				.proxy(settings)
				.build();
					CerebrasTemplate proxied = CerebrasWireMock.template("http://localhost:" + server.getPort())
						.proxy(settings)
						.build()) {
				direct.chat().completions().create(REQUEST);
				assertThat(proxy.tunnels()).isZero();

				proxied.chat().completions().create(REQUEST);
				assertThat(proxy.requestLines()).containsExactly("CONNECT localhost:" + server.getPort() + " HTTP/1.1");
			}
		}
		server.verify(2, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	private static ProxySettings credentials(ForwardingProxy proxy) {
		return ProxySettings.builder().host("127.0.0.1").port(proxy.port()).username(USERNAME).password(PASSWORD).build();
	}

	/** A chat and a stream, each answered with Connection: close, so that each call opens a connection. */
	private static void stubChatAndStream(WireMockExtension server) {
		server.stubFor(post("/v1/chat/completions").atPriority(1)
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withHeader("Connection", "close")
				.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(3)))));
		server.stubFor(post("/v1/chat/completions").atPriority(2)
			.willReturn(okJson(CerebrasWireMock.chatCompletion()).withHeader("Connection", "close")));
	}

	/** The passwords, and the Proxy-Authorization values that carry them. */
	private static String[] secrets(String username, String password) {
		List<String> secrets = new ArrayList<>(List.of(PASSWORD, basic(USERNAME, PASSWORD)));
		if (password != null) {
			secrets.addAll(List.of(password, basic(username, password)));
		}
		return secrets.toArray(String[]::new);
	}

	private static String basic(String username, String password) {
		return Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
