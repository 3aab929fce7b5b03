package io.github.cerebras4j.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.TlsSettings;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.fixtures.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * TLS material set with the builder's {@code tls(..)}, against WireMock servers that speak only HTTPS with
 * self-signed certificates ({@link TestCertificates}): a certificate the JDK does not trust fails the handshake with a
 * TLS error, and is accepted once trusted; the host name is still verified; warm-ups and pings use the same material;
 * the key is presented to a server that asks for one; the protocols offered are the ones set, and a protocol or
 * cipher suite the JDK does not know fails the build.
 */
class TlsTests {

	private static final TestCertificates.Certificate LOCALHOST = TestCertificates.localhost();

	private static final TestCertificates.Certificate OTHER_HOST = TestCertificates.otherHost();

	private static final TestCertificates.Certificate CLIENT = TestCertificates.client();

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.httpsServer(LOCALHOST);

	@RegisterExtension
	static WireMockExtension otherHost = CerebrasWireMock.httpsServer(OTHER_HOST);

	@RegisterExtension
	static WireMockExtension mutual = WireMockExtension.newInstance()
		.options(CerebrasWireMock.https(LOCALHOST)
			.needClientAuth(true)
			.trustStoreType("PKCS12")
			.trustStorePath(CLIENT.trustStore().toString())
			.trustStorePassword(TestCertificates.PASSWORD))
		.build();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say something.")
		.build();

	@Test
	void untrustedCertificateFailsTheHandshakeWithATlsError() {
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server)).build()) {
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies((ex) -> assertThat(ex.getClass()).isEqualTo(CerebrasConnectionException.class))
				.withMessageStartingWith("TLS error: POST /v1/chat/completions: ")
				.withMessageContaining("unable to find valid certification path")
				.withMessageEndingWith("(the server's certificate was not accepted: is its issuer in the client's "
						+ "trust material, and is it issued for this host?)");
		}
		server.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void certificateTrustedThroughTheBuilderIsAccepted() {
		stubChatAndStream(server);
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
			.tls(TlsSettings.trusting(LOCALHOST.trustManagerFactory()))
			.build()) {
			assertThat(cerebras.chat().completions().create(REQUEST).content())
				.isEqualTo("Fast inference makes AI feel instant.");
			assertThat(CerebrasWireMock.streamedContent(cerebras, REQUEST)).containsExactly("w0 ", "w1 ", "w2 ");
		}
	}

	@Test
	void hostNameIsVerifiedEvenWhenTheCertificateIsTrusted() {
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(otherHost))
			.tls(TlsSettings.trusting(OTHER_HOST.trustManagerFactory()))
			.build()) {
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.withMessageStartingWith("TLS error: POST /v1/chat/completions: ")
				.withMessageContaining("No subject alternative names matching IP address 127.0.0.1");
		}
		otherHost.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void warmUpAndPingUseTheTrustMaterial() {
		server.stubFor(get("/v1/tcp_warming").willReturn(okJson("{}")));
		try (CerebrasTemplate trusting = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
			.tls(TlsSettings.trusting(LOCALHOST.trustManagerFactory()))
			.build();
				CerebrasTemplate untrusting = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server)).build()) {
			assertThat(trusting.warmUp().join().isComplete()).isTrue();
			assertThat(trusting.reactive().ping(Duration.ofSeconds(5)).block(Duration.ofSeconds(10)).status().value())
				.isEqualTo(200);

			assertThat(untrusting.warmUp().join().succeeded()).isZero();
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> untrusting.reactive().ping(Duration.ofSeconds(5)).block(Duration.ofSeconds(10)))
				.withMessageStartingWith("TLS error: GET /v1/tcp_warming: ");
		}
	}

	@Test
	void keyIsPresentedToAServerThatAsksForOne() {
		stubChatAndStream(mutual);
		TlsSettings trustOnly = TlsSettings.trusting(LOCALHOST.trustManagerFactory());
		TlsSettings trustAndKey = TlsSettings.builder()
			.trustManagerFactory(LOCALHOST.trustManagerFactory())
			.keyManagerFactory(CLIENT.keyManagerFactory())
			.build();
		try (CerebrasTemplate anonymous = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(mutual))
			.tls(trustOnly)
			.build();
				CerebrasTemplate presenting = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(mutual))
					.tls(trustAndKey)
					.build()) {
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> anonymous.chat().completions().create(REQUEST))
				.withMessageStartingWith("TLS error: ");
			assertThat(presenting.chat().completions().create(REQUEST).content())
				.isEqualTo("Fast inference makes AI feel instant.");
		}
	}

	@Test
	void onlyTheProtocolsSetAreOffered() {
		stubChatAndStream(server);
		TlsSettings.Builder tls = TlsSettings.builder().trustManagerFactory(LOCALHOST.trustManagerFactory());
		try (CerebrasTemplate tls13 = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
			.tls(tls.protocols("TLSv1.3").build())
			.build();
				CerebrasTemplate tls11 = CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
					.tls(tls.protocols("TLSv1.1").build())
					.build()) {
			assertThat(tls13.chat().completions().create(REQUEST).content())
				.isEqualTo("Fast inference makes AI feel instant.");
			// the JDK disables TLS 1.1, and so does Jetty: a client that offers only it has nothing to agree on
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> tls11.chat().completions().create(REQUEST))
				.withMessageStartingWith("TLS error: ");
		}
	}

	@Test
	void protocolOrCipherSuiteTheJdkDoesNotKnowFailsTheBuild() {
		TlsSettings.Builder tls = TlsSettings.builder().trustManagerFactory(LOCALHOST.trustManagerFactory());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
				.tls(tls.protocols("TLSv0.9").build())
				.build())
			.withMessageStartingWith("The TLS settings cannot be used: ")
			.withMessageContaining("TLSv0.9");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CerebrasWireMock.template(CerebrasWireMock.httpsBaseUrl(server))
				.tls(tls.protocols().ciphers("TLS_NO_SUCH_SUITE").build())
				.build())
			.withMessageStartingWith("The TLS settings cannot be used: ")
			.withMessageContaining("TLS_NO_SUCH_SUITE");
	}

	private static void stubChatAndStream(WireMockExtension server) {
		server.stubFor(post("/v1/chat/completions").atPriority(1)
			.withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(3)))));
		server.stubFor(post("/v1/chat/completions").atPriority(2).willReturn(okJson(CerebrasWireMock.chatCompletion())));
	}

}
