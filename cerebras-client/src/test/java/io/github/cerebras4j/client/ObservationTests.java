package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every call is one Micrometer observation with the GenAI names and tags, the time to first chunk of streams, the
 * usage and the outcome, whether it succeeds, fails or is cancelled.
 */
class ObservationTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void createIsObservedWithGenAiTagsAndUsage() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build()) {
			cerebras.chat().completions().create(REQUEST);
		}

		assertThat(this.registry).hasSingleObservationThat()
			.hasNameEqualTo("gen_ai.client.operation.duration")
			.hasContextualNameEqualTo("chat llama3.1-8b")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "cerebras")
			.hasLowCardinalityKeyValue("gen_ai.system", "cerebras")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "llama3.1-8b")
			.hasLowCardinalityKeyValue("cerebras.streaming", "false")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "15")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "9")
			.hasHighCardinalityKeyValue("server.address", "localhost")
			.doesNotHaveHighCardinalityKeyValueWithKey("gen_ai.response.time_to_first_chunk")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void streamRecordsTimeToFirstContentChunkNotTheRoleChunk() {
		String body = CerebrasWireMock.chatStream(CerebrasWireMock.words(20));
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withChunkedDribbleDelay(10, 1000)));
		long start = System.nanoTime();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			stream.forEach(chunk -> { });
		}
		Duration whole = Duration.ofNanos(System.nanoTime() - start);

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("cerebras.streaming", "true")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "20")
			.hasHighCardinalityKeyValueWithKey("gen_ai.response.time_to_first_chunk")
			.hasBeenStopped();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts -> {
			CerebrasObservationContext context = (CerebrasObservationContext) contexts.get(0);
			assertThat(context.timeToFirstChunk()).isPositive().isLessThan(whole);
		// the body is dribbled over 1 s: the first content arrives well before the stream ends
			assertThat(context.generationTime()).isGreaterThan(Duration.ofMillis(300));
			assertThat(context.chunks()).isEqualTo(23);
			assertThat(context.usage().completionTokens()).isEqualTo(20);
			assertThat(context.timeInfo().created()).isEqualTo(1769729480.0787008);
		});
	}

	@Test
	void failedCallIsObservedWithItsErrorAndStatus() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("x-ratelimit-remaining-requests-day", "0")
			.withBody("{\"message\":\"Rate limit exceeded\"}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build()) {
			assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
		}

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("http.response.status_code", "429")
			.hasLowCardinalityKeyValue("error.type", "RateLimitException")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void cancelledStreamIsObservedAsCancelledAndKeepsItsTimeToFirstChunk() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(100)))
			.withChunkedDribbleDelay(50, 5000)));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).observationRegistry(this.registry).build()) {
			List<ChatCompletionChunk> chunks = cerebras.chat().completions().stream(REQUEST)
				.filter(ChatCompletionChunk::hasContent)
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(5));
			assertThat(chunks).hasSize(3);
		}

		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(this.registry).hasSingleObservationThat().hasBeenStopped());
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasHighCardinalityKeyValueWithKey("gen_ai.response.time_to_first_chunk");
	}

	@Test
	void modelsCallsAreObservedAsTheModelsOperation() {
		server.stubFor(get("/v1/models").willReturn(okJson("{\"data\":[]}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build()) {
			cerebras.models().list();
		}

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "models")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "none")
			.hasContextualNameEqualTo("models");
	}

}
