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
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(20)))
			.withChunkedDribbleDelay(10, 1000)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			stream.forEach(chunk -> { });
		}

		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("cerebras.streaming", "true")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "20")
			.hasHighCardinalityKeyValueWithKey("gen_ai.response.time_to_first_chunk")
			.hasBeenStopped();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts -> {
			CerebrasObservationContext context = (CerebrasObservationContext) contexts.get(0);
			assertThat(context.timeToFirstChunk()).isPositive();
			// the first content arrives before the stream's last chunk, the final one
			assertThat(context.generationTime()).isPositive();
			assertThat(context.chunks()).isEqualTo(23);
			assertThat(context.usage().completionTokens()).isEqualTo(20);
			assertThat(context.timeInfo().created()).isEqualTo(1769729480.0787008);
		});
	}

	@Test
	void streamWhoseOnlyContentIsInItsLastChunkHasNoGenerationTime() {
		// a role chunk, then one chunk with the whole content, the finish reason and the usage: the first content
		// chunk is the last chunk, so the time from it to the last chunk is zero, whatever the clock says; counted from
		// the role chunk it would not be
		String head = "{\"id\":\"chatcmpl-9b1\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,";
		String body = "data: " + head + "\"delta\":{\"role\":\"assistant\"}}]}\n\n" + "data: " + head
				+ "\"delta\":{\"content\":\"All at once.\"},\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}\n\n" + "data: [DONE]\n\n";
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withChunkedDribbleDelay(2, 200)));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).observationRegistry(this.registry).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			stream.forEach(chunk -> { });
		}

		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts -> {
			CerebrasObservationContext context = (CerebrasObservationContext) contexts.get(0);
			assertThat(context.chunks()).isEqualTo(2);
			assertThat(context.generationTime()).isZero();
			// taken at the content chunk, the time to first chunk includes the gap after the role chunk
			assertThat(context.timeToFirstChunk()).isPositive().isGreaterThanOrEqualTo(context.longestChunkGap());
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
