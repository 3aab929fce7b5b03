package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.Completion;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.models.Model;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code withRawResponse()} on every resource: the status, the headers, the rate limits they carry and the retries
 * taken, and for streams the headers before the first chunk.
 */
class RawResponseTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest CHAT_REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Count.")
		.build();

	private static final CompletionRequest TEXT_REQUEST = CompletionRequest.builder()
		.model("llama3.1-8b")
		.prompt("It was a")
		.build();

	private static final String COMPLETION = """
			{"id":"cmpl-1","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
			 "choices":[{"index":0,"text":" dark and stormy night.","finish_reason":"stop"}],
			 "usage":{"prompt_tokens":3,"completion_tokens":6,"total_tokens":9}}""";

	private static final String MODEL_LIST = """
			{"object":"list","data":[{"id":"llama3.1-8b","object":"model","created":1721692800,"owned_by":"Meta"}]}""";

	private static final String MODEL = """
			{"id":"llama3.1-8b","object":"model","created":1721692800,"owned_by":"Meta"}""";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** The headers {@link #withHeaders} adds, as a scripted socket server sends them. */
	private static final String[] HEADERS = { "X-Custom: yes", "x-request-id: req-42",
			"x-ratelimit-limit-tokens-minute: 1000000000", "x-ratelimit-remaining-tokens-minute: 999998298",
			"x-ratelimit-reset-tokens-minute: 11.5", "x-ratelimit-remaining-requests-day: 999997455" };

	@Test
	void chatCompletionWithItsResponse() {
		server.stubFor(post("/v1/chat/completions").willReturn(withHeaders(okJson(CerebrasWireMock.chatCompletion()))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			RawResponse<ChatCompletion> blocking = cerebras.chat().completions().withRawResponse().create(CHAT_REQUEST);
			RawResponse<ChatCompletion> reactive = cerebras.reactive().chat().completions().withRawResponse()
				.create(CHAT_REQUEST).block(TIMEOUT);

			for (RawResponse<ChatCompletion> response : List.of(blocking, reactive)) {
				assertResponse(response);
				assertThat(response.getBody().content()).isEqualTo("Fast inference makes AI feel instant.");
			}
		}
	}

	@Test
	void textCompletionWithItsResponse() {
		server.stubFor(post("/v1/completions").willReturn(withHeaders(okJson(COMPLETION))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			RawResponse<Completion> blocking = cerebras.completions().withRawResponse().create(TEXT_REQUEST);
			RawResponse<Completion> reactive = cerebras.reactive().completions().withRawResponse()
				.create(TEXT_REQUEST).block(TIMEOUT);

			for (RawResponse<Completion> response : List.of(blocking, reactive)) {
				assertResponse(response);
				assertThat(response.getBody().text()).isEqualTo(" dark and stormy night.");
			}
		}
	}

	@Test
	void modelListWithItsResponse() {
		server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(withHeaders(okJson(MODEL_LIST))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			RawResponse<ModelList> blocking = cerebras.models().withRawResponse().list();
			RawResponse<ModelList> reactive = cerebras.reactive().models().withRawResponse().list()
				.block(TIMEOUT);

			for (RawResponse<ModelList> response : List.of(blocking, reactive)) {
				assertResponse(response);
				assertThat(response.getBody().data()).extracting(Model::id).containsExactly("llama3.1-8b");
			}
		}
	}

	@Test
	void modelWithItsResponse() {
		server.stubFor(get(urlPathEqualTo("/v1/models/llama3.1-8b")).willReturn(withHeaders(okJson(MODEL))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			RawResponse<Model> blocking = cerebras.models().withRawResponse().retrieve("llama3.1-8b");
			RawResponse<Model> reactive = cerebras.reactive().models().withRawResponse()
				.retrieve("llama3.1-8b").block(TIMEOUT);

			for (RawResponse<Model> response : List.of(blocking, reactive)) {
				assertResponse(response);
				assertThat(response.getBody().ownedBy()).isEqualTo("Meta");
			}
		}
	}

	@Test
	void responseWithoutRateLimitHeadersHasNoRateLimits() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build()) {
			RawResponse<ChatCompletion> response = cerebras.chat().completions().withRawResponse().create(CHAT_REQUEST);

			assertThat(response.rateLimits().isEmpty()).isTrue();
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void retriesTakenCountsTheFailedAttemptsBeforeTheResponse() {
		stubFailingOnce("/v1/chat/completions", withHeaders(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(fastRetries()).build()) {
			RawResponse<ChatCompletion> response = cerebras.chat().completions().withRawResponse().create(CHAT_REQUEST);

			assertThat(response.retriesTaken()).isEqualTo(1);
			assertThat(response.metadata().retriesTaken()).isEqualTo(1);
			assertThat(response.getHeaders().getFirst("X-Custom")).isEqualTo("yes");
		}
		assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")))).hasSize(2);
	}

	@Test
	void retriesTakenBeforeAStreamStartedAreReported() {
		stubFailingOnce("/v1/chat/completions", withHeaders(eventStream(CerebrasWireMock.chatStream(List.of("a")))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(fastRetries()).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(CHAT_REQUEST)) {
			assertThat(stream.response().retriesTaken()).isEqualTo(1);
			assertThat(stream.stream().map(ChatCompletionChunk::content)).contains("a");
		}
	}

	@Test
	void blockingStreamGivesTheHeadersBeforeTheChunks() throws Exception {
		// the server sends the headers and the first two chunks, then holds the rest until the test has the headers
		HeldStream held = HeldStream.after(CerebrasWireMock.chatStream(CerebrasWireMock.words(10)), 2, HEADERS);
		List<String> tokens = new ArrayList<>();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer(held);
				CerebrasTemplate cerebras = CerebrasWireMock.template(socketServer).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(CHAT_REQUEST)) {
			ResponseMetadata response = stream.response();
			assertThat(held.restSent()).as("the rest of the body was sent before the headers were given").isFalse();
			held.release();

			assertMetadata(response);
			for (ChatCompletionChunk chunk : stream) {
				tokens.add(chunk.content());
			}
		}
		assertThat(String.join("", tokens)).isEqualTo("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 ");
		assertThat(tokens).hasSize(13);
	}

	@Test
	void blockingTextCompletionStreamGivesItsHeaders() {
		server.stubFor(post("/v1/completions").willReturn(withHeaders(eventStream(textStream()))));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<CompletionChunk> stream = cerebras.completions().withRawResponse().stream(TEXT_REQUEST)) {
			assertMetadata(stream.response());
			assertThat(stream.stream().map(CompletionChunk::text)).containsExactly("It was", " night.");
		}
	}

	@Test
	void reactiveStreamEmitsTheResponseBeforeTheChunks() throws Exception {
		// the server sends the headers and the first two chunks, then holds the rest until the test has the response
		HeldStream held = HeldStream.after(CerebrasWireMock.chatStream(CerebrasWireMock.words(10)), 2, HEADERS);

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer(held);
				ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(socketServer).build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(CHAT_REQUEST).block(TIMEOUT);
			assertThat(held.restSent()).as("the rest of the body was sent before the response was emitted").isFalse();
			held.release();
			List<ChatCompletionChunk> chunks = response.chunks().collectList().block(TIMEOUT);

			assertMetadata(response.metadata());
			assertThat(chunks).hasSize(13);
			assertThat(chunks.stream().map(ChatCompletionChunk::content)).containsSubsequence("w0 ", "w9 ");
			assertThat(chunks.get(chunks.size() - 1).finishReason()).isEqualTo("stop");
		}
	}

	@Test
	void reactiveTextCompletionStreamEmitsItsResponse() {
		server.stubFor(post("/v1/completions").willReturn(withHeaders(eventStream(textStream()))));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			StreamResponse<CompletionChunk> response = cerebras.completions().withRawResponse().stream(TEXT_REQUEST)
				.block(TIMEOUT);

			assertMetadata(response.metadata());
			assertThat(response.chunks().map(CompletionChunk::text).collectList().block(TIMEOUT))
				.containsExactly("It was", " night.");
		}
	}

	@Test
	void httpErrorOnABlockingRawStreamIsThrownByResponse() {
		stubUnauthorized();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(CHAT_REQUEST)) {
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(stream::response)
				.withMessageContaining("Wrong API Key")
				.satisfies(ex -> assertThat(ex.statusCode()).isEqualTo(401));
		}
	}

	@Test
	void httpErrorOnAReactiveRawStreamErrorsTheResponse() {
		stubUnauthorized();

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> cerebras.chat().completions().withRawResponse().stream(CHAT_REQUEST).block(TIMEOUT))
				.withMessageContaining("Wrong API Key");
		}
	}

	private static void assertResponse(RawResponse<?> response) {
		assertMetadata(response.metadata());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getFirst("X-Custom")).isEqualTo("yes");
		assertThat(response.rateLimits()).isEqualTo(response.metadata().rateLimits());
		assertThat(response.retriesTaken()).isZero();
	}

	private static void assertMetadata(ResponseMetadata metadata) {
		assertThat(metadata.status()).isEqualTo(HttpStatus.OK);
		assertThat(metadata.headers().getFirst("x-custom")).isEqualTo("yes");
		assertThat(metadata.headers().getFirst("x-request-id")).isEqualTo("req-42");
		assertThat(metadata.retriesTaken()).isZero();
		RateLimits.Bucket tokens = metadata.rateLimits().tokens(RateLimits.Window.MINUTE);
		assertThat(tokens.limit()).isEqualTo(1_000_000_000L);
		assertThat(tokens.remaining()).isEqualTo(999_998_298L);
		assertThat(tokens.resetAfter()).isEqualTo(Duration.ofMillis(11_500));
		assertThat(metadata.rateLimits().requests(RateLimits.Window.DAY).remaining()).isEqualTo(999_997_455L);
		assertThat(metadata.rateLimits().requests(RateLimits.Window.MINUTE)).isNull();
	}

	private static ResponseDefinitionBuilder withHeaders(ResponseDefinitionBuilder response) {
		return response.withHeader("X-Custom", "yes")
			.withHeader("x-request-id", "req-42")
			.withHeader("x-ratelimit-limit-tokens-minute", "1000000000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "999998298")
			.withHeader("x-ratelimit-reset-tokens-minute", "11.5")
			.withHeader("x-ratelimit-remaining-requests-day", "999997455");
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	private static String textStream() {
		return """
				data: {"id":"c1","object":"text_completion","created":1,"model":"m","choices":[{"index":0,"text":"It was"}]}

				data: {"id":"c1","object":"text_completion","created":1,"model":"m","choices":[{"index":0,"text":" night.","finish_reason":"stop"}]}

				data: [DONE]

				""";
	}

	private static void stubFailingOnce(String path, ResponseDefinitionBuilder then) {
		server.stubFor(post(path).inScenario("once").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
		server.stubFor(post(path).inScenario("once").whenScenarioStateIs("recovered").willReturn(then));
	}

	private static CerebrasRetryPolicy fastRetries() {
		return CerebrasRetryPolicy.builder().maxRetries(2).initialDelay(Duration.ofMillis(50)).build();
	}

	private static void stubUnauthorized() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\",\"code\":\"wrong_api_key\"}")));
	}

}
