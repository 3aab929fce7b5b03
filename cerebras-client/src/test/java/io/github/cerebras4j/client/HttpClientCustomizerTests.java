package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.ProxySettings;
import io.github.cerebras4j.client.fixtures.ForwardingProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The builder's {@code httpClientCustomizer(..)}: what it does to the Reactor Netty client is seen on the wire, for
 * calls, warm-ups and pings; customizers run in the order added, after the client's own settings, which they may
 * replace.
 */
class HttpClientCustomizerTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say something.")
		.build();

	@Test
	void customizerAppliesToCallsWarmUpsAndPings() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		server.stubFor(get("/v1/tcp_warming").willReturn(okJson("{}")));
		AtomicInteger requests = new AtomicInteger();
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.httpClientCustomizer((httpClient) -> httpClient.headers((headers) -> headers.set("X-Customized", "yes"))
				.doOnRequest((request, connection) -> requests.incrementAndGet()))
			.build()) {
			cerebras.chat().completions().create(REQUEST);
			cerebras.warmUp().join();
			cerebras.reactive().ping(Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
		}
		assertThat(requests).hasValue(3);
		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("X-Customized", equalTo("yes")));
		server.verify(2, getRequestedFor(urlEqualTo("/v1/tcp_warming")).withHeader("X-Customized", equalTo("yes")));
	}

	@Test
	void customizersRunInTheOrderAdded() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.httpClientCustomizer((httpClient) -> httpClient.headers((headers) -> headers.set("X-Order", "first")))
			.httpClientCustomizer((httpClient) -> httpClient.headers((headers) -> headers.set("X-Order", "second")))
			.build()) {
			cerebras.chat().completions().create(REQUEST);
		}
		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")).withHeader("X-Order", equalTo("second")));
	}

	@Test
	void customizerRunsAfterTheClientsOwnSettingsAndMayReplaceThem() throws Exception {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
		try (ForwardingProxy proxy = ForwardingProxy.open();
				CerebrasTemplate cerebras = CerebrasWireMock.template(server)
					.proxy(ProxySettings.of("127.0.0.1", proxy.port()))
					.httpClientCustomizer((httpClient) -> httpClient.noProxy())
					.build()) {
			cerebras.chat().completions().create(REQUEST);
			assertThat(proxy.tunnels()).isZero();
		}
		server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	@Test
	void customizerThatReturnsNullFailsTheBuild() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CerebrasWireMock.template(server).httpClientCustomizer((httpClient) -> null).build())
			.withMessage("The HttpClient customizer returned null");
	}

}
