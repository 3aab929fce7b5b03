package io.github.cerebras4j.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.CHUNK_GAP_MAX;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.OUTPUT_TOKENS_PER_SECOND;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.RATE_LIMIT_REMAINING;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.RETRIES;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.SERVER_TIME;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.TIME_TO_FIRST_CHUNK;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.TOKEN_USAGE;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.REQUEST;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.answerChatInTurn;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.chatCompletion;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.chatStream;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.eventStream;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The handler beside Micrometer's own meter handler, as Spring Boot registers them, records time to first token,
 * tokens, throughput, chunk gaps, the server's timing, retries and rate-limit gauges of real calls to a WireMock
 * server, tagged with the call's outcome.
 */
class CerebrasMeterObservationHandlerTests {

	@RegisterExtension
	static WireMockExtension server = MetricsWireMock.server();

	private static final String DURATION = DefaultCerebrasObservationConvention.NAME;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final ObservationRegistry observations = ObservationRegistry.create();

	private final List<CerebrasObservationContext> stopped = new CopyOnWriteArrayList<>();

	@BeforeEach
	void registerHandlersAsSpringBootDoes() {
		this.observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new CerebrasMeterObservationHandler(this.meters))
			.observationHandler(new StoppedContexts(this.stopped));
	}

	@Test
	void timeToFirstChunkIsRecordedOnceFromTheRequestToTheFirstContentChunk() {
		server.stubFor(post(MetricsWireMock.CHAT)
			.willReturn(eventStream(chatStream(words(5))).withFixedDelay(200).withChunkedDribbleDelay(8, 200)));

		streamAll();

		Timer timeToFirstChunk = this.meters.get(TIME_TO_FIRST_CHUNK).tag("outcome", "SUCCESS").timer();
		Timer duration = this.meters.get(DURATION).tag("outcome", "SUCCESS").timer();
		assertThat(timeToFirstChunk.count()).isOne();
		// the first content chunk comes before the stream's end, which the server spreads over its 8 parts
		assertThat(timeToFirstChunk.totalTime(TimeUnit.NANOSECONDS)).isPositive()
			.isLessThan(duration.totalTime(TimeUnit.NANOSECONDS));
		assertThat(duration.count()).isOne();
		assertThat(timeToFirstChunk.getId().getTags()).contains(Tag.of("gen_ai.request.model", "llama3.1-8b"),
				Tag.of("gen_ai.operation.name", "chat"), Tag.of("cerebras.streaming", "true"),
				Tag.of("http.response.status_code", "200"), Tag.of("error.type", "none"));
	}

	@Test
	void tokenUsageOfAStreamIsTheUsageOfItsFinalChunk() {
		server.stubFor(post(MetricsWireMock.CHAT).willReturn(eventStream(chatStream(words(7)))));

		streamAll();

		DistributionSummary input = tokens("input");
		DistributionSummary output = tokens("output");
		assertThat(input.count()).isOne();
		assertThat(input.totalAmount()).isEqualTo(12);
		assertThat(output.count()).isOne();
		assertThat(output.totalAmount()).isEqualTo(7);
		assertThat(input.getId().getBaseUnit()).isEqualTo("tokens");
		assertThat(input.getId().getTags()).contains(Tag.of("outcome", "SUCCESS"), Tag.of("cerebras.streaming", "true"));
	}

	@Test
	void callWithoutStreamRecordsItsTokensButNoTimeToFirstChunk() {
		server.stubFor(post(MetricsWireMock.CHAT).willReturn(okJson(chatCompletion())));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
		}

		assertThat(tokens("input").totalAmount()).isEqualTo(15);
		assertThat(tokens("output").totalAmount()).isEqualTo(9);
		assertThat(this.meters.find(TIME_TO_FIRST_CHUNK).meters()).isEmpty();
		assertThat(this.meters.find(OUTPUT_TOKENS_PER_SECOND).meters()).isEmpty();
		assertThat(this.meters.find(CHUNK_GAP_MAX).meters()).isEmpty();
	}

	@Test
	void serverTimeTimersAreTheTimeInfoOfTheResponse() {
		server.stubFor(post(MetricsWireMock.CHAT).willReturn(okJson(chatCompletion())));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
		}

		assertThat(serverTime("queue")).isCloseTo(0.000193, within(1e-9));
		assertThat(serverTime("prompt")).isCloseTo(0.000873, within(1e-9));
		assertThat(serverTime("completion")).isCloseTo(0.00431, within(1e-9));
		assertThat(serverTime("total")).isCloseTo(0.00693, within(1e-9));
		assertThat(this.meters.get(SERVER_TIME).tag("phase", "total").timer().getId().getTags())
			.contains(Tag.of("outcome", "SUCCESS"), Tag.of("cerebras.streaming", "false"));
	}

	@Test
	void streamRecordsItsOutputTokensPerSecondAndLongestChunkGap() {
		server.stubFor(post(MetricsWireMock.CHAT)
			.willReturn(eventStream(chatStream(words(10))).withChunkedDribbleDelay(10, 500)));

		streamAll();

		CerebrasObservationContext context = this.stopped.get(0);
		double seconds = context.generationTime().toNanos() / 1e9;
		DistributionSummary throughput = this.meters.get(OUTPUT_TOKENS_PER_SECOND).summary();
		assertThat(throughput.count()).isOne();
		assertThat(throughput.totalAmount()).isCloseTo(10 / seconds, within(1e-6));
		Timer gap = this.meters.get(CHUNK_GAP_MAX).timer();
		assertThat(gap.count()).isOne();
		assertThat(gap.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(context.longestChunkGap().toNanos())
			.isGreaterThan(TimeUnit.MILLISECONDS.toNanos(20));
	}

	@Test
	void failedCallIsTaggedErrorWithItsErrorType() {
		server.stubFor(post(MetricsWireMock.CHAT).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\",\"code\":\"wrong_api_key\"}")));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5)));
		}

		Timer duration = this.meters.get(DURATION).timer();
		assertThat(duration.count()).isOne();
		assertThat(duration.getId().getTags()).contains(Tag.of("outcome", "ERROR"),
				Tag.of("error.type", "AuthenticationException"), Tag.of("http.response.status_code", "401"));
		assertThat(this.meters.find(TOKEN_USAGE).meters()).isEmpty();
	}

	@Test
	void retriesAreCountedByTheStatusRetried() {
		answerChatInTurn(server, aResponse().withStatus(503).withBody("{\"message\":\"overloaded\"}"),
				aResponse().withStatus(503).withBody("{\"message\":\"overloaded\"}"), okJson(chatCompletion()));

		try (ReactiveCerebrasTemplate cerebras = template().retryPolicy(quickRetries(2)).build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
		}

		assertThat(this.meters.get(RETRIES).tag("cause", "503").counter().count()).isEqualTo(2);
		assertThat(this.meters.get(RETRIES).counters()).hasSize(1);
		assertThat(this.meters.get(RETRIES).counter().getId().getTags()).contains(Tag.of("outcome", "SUCCESS"),
				Tag.of("http.response.status_code", "200"));
		assertThat(this.meters.get(DURATION).timer().count()).isOne();
	}

	@Test
	void retryAfterAConnectionFailureIsCountedByTheExceptionName() {
		answerChatInTurn(server, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(chatCompletion()));

		try (ReactiveCerebrasTemplate cerebras = template().retryPolicy(quickRetries(1)).build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
		}

		assertThat(this.meters.get(RETRIES).counter().getId().getTag("cause")).isEqualTo("CerebrasConnectionException");
		assertThat(this.meters.get(RETRIES).counter().count()).isEqualTo(1);
	}

	@Test
	void rateLimitGaugesHoldTheRemainingValuesLastReported() {
		answerChatInTurn(server,
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "59000")
					.withHeader("x-ratelimit-remaining-requests-day", "14399")
					.withHeader("x-ratelimit-limit-requests-day", "14400"),
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "58976")
					.withHeader("x-ratelimit-remaining-requests-day", "14398"),
				okJson(chatCompletion()));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
			assertThat(remaining("tokens", "minute")).isEqualTo(59000);
			assertThat(remaining("requests", "day")).isEqualTo(14399);
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
		}

		assertThat(remaining("tokens", "minute")).isEqualTo(58976);
		assertThat(remaining("requests", "day")).isEqualTo(14398);
		assertThat(this.meters.get(RATE_LIMIT_REMAINING).gauges()).hasSize(2);
		assertThat(this.meters.get(RATE_LIMIT_REMAINING).tag("window", "minute").gauge().getId().getTags())
			.containsExactlyInAnyOrder(Tag.of("gen_ai.request.model", "llama3.1-8b"), Tag.of("resource", "tokens"),
					Tag.of("window", "minute"));
	}

	@Test
	void rateLimitGaugesAreBoundedByTheModelTagFilter() {
		answerChatInTurn(server,
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "100"),
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "99"),
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "98"),
				okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute", "97"));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new CerebrasMeterObservationHandler(meters, new CerebrasModelTagMeterFilter(1)));

		try (ReactiveCerebrasTemplate cerebras = MetricsWireMock.reactive(server, observations).build()) {
			for (int i = 0; i < 4; i++) {
				cerebras.chat()
					.completions()
					.create(ChatCompletionRequest.builder().model("model-" + i).user("Hi").build())
					.block(Duration.ofSeconds(5));
			}
		}

		assertThat(meters.get(RATE_LIMIT_REMAINING).gauges()).hasSize(2);
		assertThat(meters.get(RATE_LIMIT_REMAINING).tag("gen_ai.request.model", "model-0").gauge().value())
			.isEqualTo(100);
		assertThat(meters.get(RATE_LIMIT_REMAINING).tag("gen_ai.request.model", "other").gauge().value())
			.isEqualTo(97);
	}

	@Test
	void rateLimitGaugesAreUpdatedByAnErrorResponse() {
		answerChatInTurn(server, okJson(chatCompletion()).withHeader("x-ratelimit-remaining-requests-day", "3"),
				aResponse().withStatus(429)
					.withHeader("x-ratelimit-remaining-requests-day", "0")
					.withBody("{\"message\":\"Requests per day limit exceeded\"}"));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5));
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5)));
		}

		assertThat(remaining("requests", "day")).isZero();
	}

	@Test
	void timeToFirstChunkIsKeptWhenTheStreamFailsAfterItsFirstContent() {
		String body = chatStream(words(3));
		// cut before the chunk with the finish_reason: a body that ended after it would be a complete answer
		server.stubFor(post(MetricsWireMock.CHAT)
			.willReturn(eventStream(body.substring(0, body.lastIndexOf("data: ", body.indexOf("\"finish_reason\""))))));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			assertThatExceptionOfType(CerebrasStreamInterruptedException.class)
				.isThrownBy(() -> cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(5)));
		}

		Timer timeToFirstChunk = this.meters.get(TIME_TO_FIRST_CHUNK).timer();
		assertThat(timeToFirstChunk.count()).isOne();
		assertThat(timeToFirstChunk.getId().getTags()).contains(Tag.of("outcome", "ERROR"),
				Tag.of("error.type", "CerebrasStreamInterruptedException"));
	}

	@Test
	void cancelledStreamIsTaggedCancelledAndKeepsItsTimeToFirstChunk() {
		server.stubFor(post(MetricsWireMock.CHAT)
			.willReturn(eventStream(chatStream(words(100))).withChunkedDribbleDelay(50, 5000)));

		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			List<ChatCompletionChunk> chunks = cerebras.chat()
				.completions()
				.stream(REQUEST)
				.filter(ChatCompletionChunk::hasContent)
				.take(3)
				.collectList()
				.block(Duration.ofSeconds(5));
			assertThat(chunks).hasSize(3);
		}

		await().atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.meters.find(DURATION).tag("outcome", "CANCELLED").timer()).isNotNull());
		assertThat(this.meters.get(DURATION).timer().count()).isOne();
		assertThat(this.meters.get(TIME_TO_FIRST_CHUNK).tag("outcome", "CANCELLED").timer().count()).isOne();
	}

	@Test
	void noMeterCarriesTheApiKey() {
		answerChatInTurn(server, aResponse().withStatus(503).withBody("{\"message\":\"overloaded\"}"),
				eventStream(chatStream(words(3))).withHeader("x-ratelimit-remaining-tokens-minute", "100"),
				aResponse().withStatus(401).withBody("{\"message\":\"Wrong API Key " + MetricsWireMock.API_KEY + "\"}"));

		try (ReactiveCerebrasTemplate cerebras = template().retryPolicy(quickRetries(1)).build()) {
			cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(5));
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> cerebras.chat().completions().create(REQUEST).block(Duration.ofSeconds(5)));
		}

		assertThat(this.meters.getMeters()).extracting(Meter::getId)
			.extracting(Meter.Id::getName)
			.contains(DURATION, TIME_TO_FIRST_CHUNK, TOKEN_USAGE, RETRIES, RATE_LIMIT_REMAINING, SERVER_TIME);
		assertThat(this.meters.getMeters()).flatExtracting(meter -> meter.getId().getTags())
			.extracting(Tag::getValue)
			.noneMatch(value -> value.contains(MetricsWireMock.API_KEY))
			.noneMatch(value -> value.contains("csk-"));
	}

	private void streamAll() {
		try (ReactiveCerebrasTemplate cerebras = template().build()) {
			cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(10));
		}
	}

	private io.github.cerebras4j.client.CerebrasClientBuilder<ReactiveCerebrasTemplate> template() {
		return MetricsWireMock.reactive(server, this.observations);
	}

	private DistributionSummary tokens(String type) {
		return this.meters.get(TOKEN_USAGE).tag("gen_ai.token.type", type).summary();
	}

	private double serverTime(String phase) {
		Timer timer = this.meters.get(SERVER_TIME).tag("phase", phase).timer();
		assertThat(timer.count()).isOne();
		return timer.totalTime(TimeUnit.SECONDS);
	}

	private double remaining(String resource, String window) {
		return this.meters.get(RATE_LIMIT_REMAINING).tag("resource", resource).tag("window", window).gauge().value();
	}

	private static CerebrasRetryPolicy quickRetries(int maxRetries) {
		return CerebrasRetryPolicy.builder()
			.maxRetries(maxRetries)
			.initialDelay(Duration.ofMillis(10))
			.randomSource(() -> 0.0)
			.build();
	}

	/** Keeps the contexts of stopped calls, to compare the meters with what the client measured. */
	private record StoppedContexts(List<CerebrasObservationContext> contexts)
			implements ObservationHandler<CerebrasObservationContext> {

		@Override
		public void onStop(CerebrasObservationContext context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof CerebrasObservationContext;
		}

	}

}
