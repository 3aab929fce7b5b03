package io.github.cerebras4j.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.error.BadRequestException;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.ConflictException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.NotFoundException;
import io.github.cerebras4j.client.error.PermissionDeniedException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.error.UnprocessableEntityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every error the server or the network can produce reaches the caller as a typed {@link CerebrasException}.
 */
class ErrorMappingTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	static Stream<Arguments> statuses() {
		return Stream.of(Arguments.of(400, BadRequestException.class), Arguments.of(401, AuthenticationException.class),
				Arguments.of(403, PermissionDeniedException.class), Arguments.of(404, NotFoundException.class),
				Arguments.of(409, ConflictException.class), Arguments.of(422, UnprocessableEntityException.class),
				Arguments.of(429, RateLimitException.class), Arguments.of(500, InternalServerException.class),
				Arguments.of(503, InternalServerException.class), Arguments.of(418, CerebrasApiException.class),
				Arguments.of(302, CerebrasApiException.class));
	}

	@ParameterizedTest(name = "{0} with a flat body is {1}")
	@MethodSource("statuses")
	void statusWithFlatBodyMapsToItsException(int status, Class<? extends CerebrasApiException> type) {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-123")
			.withHeader("x-ratelimit-remaining-tokens-minute", "999998298")
			.withBody("""
					{"message":"type: Input should be 'text'","type":"invalid_request_error",
					 "param":"validation_error","code":"wrong_api_format"}""")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThatExceptionOfType(type).isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies(ex -> {
					assertThat(ex.getClass()).isEqualTo(type);
					assertThat(ex.statusCode()).isEqualTo(status);
					assertThat(ex.error().code()).isEqualTo("wrong_api_format");
					assertThat(ex.requestId()).isEqualTo("req-123");
					assertThat(ex.headers().getFirst("x-request-id")).isEqualTo("req-123");
					assertThat(ex.rateLimits().isEmpty()).isFalse();
					assertThat(ex.getMessage()).startsWith(String.valueOf(status))
						.contains("type: Input should be 'text'", "invalid_request_error", "wrong_api_format", "req-123");
				});
		}
	}

	@ParameterizedTest(name = "{0} with a wrapped body is {1}")
	@MethodSource("statuses")
	void statusWithWrappedBodyMapsByTheHttpStatus(int status, Class<? extends CerebrasApiException> type) {
		server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"status_code\":400,\"error\":{\"message\":\"nope\",\"type\":\"t\",\"code\":\"c\"}}")));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			assertThatExceptionOfType(type).isThrownBy(() -> cerebras.models().list().block(Duration.ofSeconds(5)))
				.satisfies(ex -> {
					assertThat(ex.getClass()).isEqualTo(type);
					assertThat(ex.statusCode()).isEqualTo(status);
					assertThat(ex.bodyStatusCode()).isEqualTo(400);
					assertThat(ex.error().message()).isEqualTo("nope");
				});
		}
	}

	@Test
	void nonJsonErrorBodyIsKeptAsText() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>upstream connect error</html>")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThatExceptionOfType(InternalServerException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies(ex -> {
					assertThat(ex.error()).isNull();
					assertThat(ex.body()).isEqualTo("<html>upstream connect error</html>");
					assertThat(ex.getMessage()).contains("502", "upstream connect error");
				});
		}
	}

	@Test
	void rateLimitCarriesRetryAfterAndRateLimitHeaders() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("retry-after-ms", "1500")
			.withHeader("x-ratelimit-limit-tokens-minute", "1000000000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "0")
			.withHeader("x-ratelimit-reset-tokens-minute", "11.382867097854614")
			.withBody("{\"message\":\"Rate limit exceeded\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"rate_limit_error\"}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.satisfies(ex -> {
					assertThat(ex.retryAfter()).isEqualTo(Duration.ofMillis(1500));
					RateLimits.Bucket tokens = ex.rateLimits().tokens(RateLimits.Window.MINUTE);
					assertThat(tokens.remaining()).isZero();
					assertThat(tokens.limit()).isEqualTo(1_000_000_000L);
					assertThat(tokens.resetAfter()).isBetween(Duration.ofMillis(11_382), Duration.ofMillis(11_383));
				});
		}
	}

	@Test
	void successWithABodyThatIsNotJsonIsAMalformedResponse() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200).withBody("Service is up")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThatExceptionOfType(CerebrasMalformedResponseException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.withMessageContaining("Service is up");
		}
	}

	@Test
	void jsonServedWithAnotherContentTypeIsStillRead() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/text")
			.withBody(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			assertThat(cerebras.chat().completions().create(REQUEST).content()).isNotBlank();
		}
	}

	@Test
	void refusedConnectionIsAConnectionExceptionWithItsCause() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).baseUrl("http://127.0.0.1:" + closedPort).build()) {
			assertThatExceptionOfType(CerebrasConnectionException.class)
				.isThrownBy(() -> cerebras.models().list())
				.satisfies(ex -> {
					assertThat(ex).isNotInstanceOf(CerebrasTimeoutException.class);
					assertThat(ex.getCause()).isNotNull();
					assertThat(ex.getMessage()).contains("GET /v1/models");
				});
		}
	}

	@Test
	void slowResponseIsATimeout() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion()).withFixedDelay(10_000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).responseTimeout(Duration.ofMillis(200)).build()) {
			// the server answers after 10 s, well within the default 10 min deadline: only the 200 ms read timeout
			// can turn the call into a timeout
			assertThatExceptionOfType(CerebrasTimeoutException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.withMessageContaining("Request timed out: POST /v1/chat/completions");
		}
	}

	@Test
	void silenceInsideAStreamIsATimeout() {
		String body = CerebrasWireMock.chatStream(CerebrasWireMock.words(4));
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withChunkedDribbleDelay(2, 3000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).streamIdleTimeout(Duration.ofMillis(300)).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			assertThatExceptionOfType(CerebrasTimeoutException.class).isThrownBy(() -> stream.forEach(chunk -> { }));
		}
	}

	@ParameterizedTest(name = "{0} on a call")
	@EnumSource(Fault.class)
	void faultOnTheWireIsATypedExceptionOnACall(Fault fault) {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(fault)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).responseTimeout(Duration.ofSeconds(3)).build()) {
			assertThatExceptionOfType(CerebrasException.class).isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
				.isInstanceOfAny(CerebrasConnectionException.class, CerebrasMalformedResponseException.class);
		}
	}

	@ParameterizedTest(name = "{0} on a stream")
	@EnumSource(Fault.class)
	void faultOnTheWireIsATypedExceptionOnAStream(Fault fault) {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(fault)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).streamIdleTimeout(Duration.ofSeconds(3)).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			assertThatExceptionOfType(CerebrasException.class).isThrownBy(() -> stream.forEach(chunk -> { }))
				.isInstanceOfAny(CerebrasConnectionException.class, CerebrasMalformedResponseException.class);
		}
	}

}
