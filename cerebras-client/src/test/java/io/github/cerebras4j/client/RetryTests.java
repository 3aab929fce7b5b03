package io.github.cerebras4j.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.core.RateLimits.Bucket;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.models.ModelList;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Retries end to end against WireMock: which failures are retried and how often, how long the client waits in
 * between (the delays it asks of Reactor's timer, read on a {@link VirtualClock}, never measured), server retry hints
 * and their cap, {@code x-should-retry}, exhaustion, a Spring {@link RetryListener} and a user's own {@link RetryPolicy},
 * per-request retry options, streams retried before their first chunk, and the retries a raw response reports.
 */
class RetryTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final String CHAT = "/v1/chat/completions";

	private static final String MODELS = "/v1/models";

	/** Far above anything these tests should take: only proves that a call does not hang. */
	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Why is fast inference useful?")
		.build();

	/** Our policy with short, jitter-free waits, for tests that are not about the delays. */
	private static CerebrasRetryPolicy quick(int maxRetries) {
		return CerebrasRetryPolicy.builder()
			.maxRetries(maxRetries)
			.initialDelay(Duration.ofMillis(20))
			.randomSource(() -> 0.0)
			.build();
	}

	private static ResponseDefinitionBuilder error(int status) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
				{"message":"Failure %d","type":"server_error","code":"failure_%d"}""".formatted(status, status));
	}

	private static ResponseDefinitionBuilder completion() {
		return okJson(CerebrasWireMock.chatCompletion());
	}

	private static ResponseDefinitionBuilder chatStream() {
		return aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(CerebrasWireMock.chatStream(CerebrasWireMock.words(5)));
	}

	/** Answers the requests with the responses in turn; the last one answers every later request too. */
	private static void answerInTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			ScenarioMappingBuilder step = request.get()
				.inScenario("in turn")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "answer " + i);
			if (i < responses.length - 1) {
				step = step.willSetStateTo("answer " + (i + 1));
			}
			server.stubFor(step.willReturn(responses[i]));
		}
	}

	private static void answerChatInTurn(ResponseDefinitionBuilder... responses) {
		answerInTurn(() -> post(CHAT), responses);
	}

	private static List<LoggedRequest> chatRequests() {
		return requests(postRequestedFor(urlPathEqualTo(CHAT)));
	}

	private static List<LoggedRequest> requests(RequestPatternBuilder pattern) {
		List<LoggedRequest> requests = new ArrayList<>(server.findAll(pattern));
		requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
		return requests;
	}

	/**
	 * Runs a blocking call in the background, its Reactor timers on the virtual clock, and returns the waits the
	 * client asked for before its retries, the clock moved on by each as soon as it was asked for.
	 */
	private static List<Duration> waitsOf(VirtualClock clock, Runnable call) throws Exception {
		CompletableFuture<Void> running = CompletableFuture.runAsync(call);
		List<Duration> waits = clock.runToEnd(running);
		running.get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
		return waits;
	}

	@Nested
	class Backoff {

		@Test
		void serverErrorsAreRetriedWithTheDefaultExponentialBackoff() throws Exception {
			answerChatInTurn(error(503), error(503), completion());
			CerebrasRetryPolicy noJitter = CerebrasRetryPolicy.builder().randomSource(() -> 0.0).build();

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(noJitter).build()) {
				CompletableFuture<ChatCompletion> call = CompletableFuture
					.supplyAsync(() -> cerebras.chat().completions().create(REQUEST));

				assertThat(clock.nextTimer()).as("wait before the first retry").isEqualTo(Duration.ofMillis(500));
				await().atMost(NO_HANG).until(() -> chatRequests().size() == 1);
				clock.advanceTimeBy(Duration.ofMillis(499));
				assertThat(chatRequests()).as("no retry before the wait is over").hasSize(1);
				clock.advanceTimeBy(Duration.ofMillis(1));
				assertThat(clock.nextTimer()).as("wait before the second retry").isEqualTo(Duration.ofSeconds(1));
				clock.advanceTimeBy(Duration.ofSeconds(1));

				assertThat(call.get(NO_HANG.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Fast inference makes AI feel instant.");
				assertThat(clock.timers()).as("no other timer").hasSize(2);
			}
			assertThat(chatRequests()).hasSize(3);
		}

		@Test
		void jitterOnlyShortensTheWaits() throws Exception {
			answerChatInTurn(error(503), error(503), completion());
			CerebrasRetryPolicy fullJitter = CerebrasRetryPolicy.builder().randomSource(() -> 1.0).build();

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(fullJitter).build()) {
				assertThat(waitsOf(clock, () -> cerebras.chat().completions().create(REQUEST)))
					.as("0.5 s and 1 s, each shortened by 25 %")
					.containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
			}
			assertThat(chatRequests()).hasSize(3);
		}

		@Test
		void reactiveTemplateRetriesByTheSamePolicy() {
			answerChatInTurn(error(502), error(500), completion());

			try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).retryPolicy(quick(2)).build()) {
				RawResponse<ChatCompletion> response = cerebras.chat()
					.completions()
					.withRawResponse()
					.create(REQUEST)
					.block(Duration.ofSeconds(10));

				assertThat(response.retriesTaken()).isEqualTo(2);
				assertThat(response.getBody().content()).isEqualTo("Fast inference makes AI feel instant.");
			}
			assertThat(chatRequests()).hasSize(3);
		}

	}

	@Nested
	class ServerHints {

		@Test
		void retryAfterMsReplacesTheBackoff() throws Exception {
			answerChatInTurn(error(429).withHeader("retry-after-ms", "50"), completion());

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).maxRetries(2).build()) {
				CompletableFuture<RawResponse<ChatCompletion>> call = CompletableFuture
					.supplyAsync(() -> cerebras.chat().completions().withRawResponse().create(REQUEST));

				assertThat(clock.runToEnd(call)).as("the 50 ms hint, not the 375-500 ms backoff")
					.containsExactly(Duration.ofMillis(50));
				RawResponse<ChatCompletion> response = call.get(NO_HANG.toSeconds(), TimeUnit.SECONDS);
				assertThat(response.getBody().content()).isEqualTo("Fast inference makes AI feel instant.");
				assertThat(response.retriesTaken()).isEqualTo(1);
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@Test
		void retryAfterInSecondsIsHonoured() throws Exception {
			answerChatInTurn(error(429).withHeader("Retry-After", "1"), completion());

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				assertThat(waitsOf(clock, () -> cerebras.chat().completions().create(REQUEST)))
					.as("the 1 s hint, not the 20 ms backoff")
					.containsExactly(Duration.ofSeconds(1));
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@Test
		void retryAfterAsAnHttpDateIsHonoured() throws Exception {
			// an HTTP date has a resolution of 1 s and is read against the wall clock when the 503 arrives: this one is
			// 29 to 30 s ahead when written, a little less when read
			ZonedDateTime later = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
			String httpDate = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).format(later);
			answerChatInTurn(error(503).withHeader("Retry-After", httpDate), completion());

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				assertThat(waitsOf(clock, () -> cerebras.chat().completions().create(REQUEST)))
					.as("a wait until " + httpDate + ", not the 20 ms backoff")
					.singleElement()
					.satisfies((wait) -> assertThat(wait).isGreaterThan(Duration.ofSeconds(20))
						.isLessThanOrEqualTo(Duration.ofSeconds(30)));
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@Test
		void hintAboveTheCapFallsBackToTheBackoff() throws Exception {
			answerChatInTurn(error(429).withHeader("Retry-After", "30"), completion());
			CerebrasRetryPolicy policy = CerebrasRetryPolicy.builder()
				.maxRetryAfter(Duration.ofSeconds(1))
				.initialDelay(Duration.ofMillis(100))
				.randomSource(() -> 0.0)
				.build();

			try (VirtualClock clock = VirtualClock.install();
					CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(policy).build()) {
				CompletableFuture<ChatCompletion> call = CompletableFuture
					.supplyAsync(() -> cerebras.chat().completions().create(REQUEST));

				assertThat(clock.runToEnd(call)).as("the 100 ms backoff, not the 30 s hint")
					.containsExactly(Duration.ofMillis(100));
				assertThat(call.get(NO_HANG.toSeconds(), TimeUnit.SECONDS).content()).isEqualTo("Fast inference makes AI feel instant.");
			}
			assertThat(chatRequests()).hasSize(2);
		}

	}

	@Nested
	class WhatIsRetried {

		@Test
		void shouldRetryFalseStopsRetriesOfAServerError() {
			server.stubFor(post(CHAT).willReturn(error(503).withHeader("x-should-retry", "false")));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
					.satisfies(ex -> assertThat(ex.statusCode()).isEqualTo(503));
			}
			assertThat(chatRequests()).hasSize(1);
		}

		@Test
		void shouldRetryTrueRetriesABadRequest() {
			answerChatInTurn(error(400).withHeader("x-should-retry", "true"), completion());

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				ChatCompletion completion = cerebras.chat().completions().create(REQUEST);

				assertThat(completion.content()).isEqualTo("Fast inference makes AI feel instant.");
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@ParameterizedTest(name = "{0} is never retried")
		@ValueSource(ints = { 400, 401, 403, 404, 422 })
		void clientErrorsAreNeverRetried(int status) {
			server.stubFor(post(CHAT).willReturn(error(status)));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(3)).build()) {
				assertThatExceptionOfType(CerebrasApiException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
					.satisfies(ex -> assertThat(ex.statusCode()).isEqualTo(status));
			}
			assertThat(chatRequests()).hasSize(1);
		}

		@ParameterizedTest(name = "{0} is retried")
		@ValueSource(ints = { 408, 409, 500, 502, 503, 504 })
		void retryableStatusesAreRetriedUntilTheRetriesRunOut(int status) {
			server.stubFor(post(CHAT).willReturn(error(status)));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				assertThatExceptionOfType(CerebrasApiException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
					.satisfies(ex -> assertThat(ex.statusCode()).isEqualTo(status));
			}
			assertThat(chatRequests()).hasSize(3);
		}

		@Test
		void rateLimitThatPersistsIsThrownAfterTheLastRetryWithItsHintsAndEarlierFailures() {
			server.stubFor(post(CHAT).willReturn(error(429).withHeader("retry-after-ms", "10")
				.withHeader("x-ratelimit-limit-requests-day", "14400")
				.withHeader("x-ratelimit-remaining-requests-day", "14100")
				.withHeader("x-ratelimit-remaining-tokens-minute", "0")
				.withHeader("x-ratelimit-reset-tokens-minute", "12.5")));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).maxRetries(2).build()) {
				assertThatExceptionOfType(RateLimitException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
					.satisfies(ex -> {
						assertThat(ex.retryAfter()).isEqualTo(Duration.ofMillis(10));
						assertThat(ex.rateLimits().requests(Window.DAY)).isEqualTo(new Bucket(14400L, 14100L, null));
						assertThat(ex.rateLimits().tokens(Window.MINUTE))
							.isEqualTo(new Bucket(null, 0L, Duration.ofMillis(12500)));
						assertThat(ex.getSuppressed()).filteredOn(RateLimitException.class::isInstance)
							.hasSize(2)
							.doesNotContain(ex);
					});
			}
			assertThat(chatRequests()).hasSize(3);
		}

	}

	@Nested
	class Listener {

		private final List<String> events = new CopyOnWriteArrayList<>();

		private final List<Throwable> exhaustions = new CopyOnWriteArrayList<>();

		private final RetryListener listener = new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				Listener.this.events.add("beforeRetry " + state.getRetryCount() + " " + retryable.getName());
			}

			@Override
			public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, Object result) {
				Listener.this.events.add("onRetrySuccess " + retryable.getName());
			}

			@Override
			public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
				Listener.this.events.add("onRetryPolicyExhaustion " + retryable.getName());
				Listener.this.exhaustions.add(exception);
			}

		};

		@Test
		void listenerSeesEveryRetryAndTheSuccess() {
			answerChatInTurn(error(503), error(503), completion());

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
				.retryPolicy(quick(2))
				.retryListener(this.listener)
				.build()) {
				cerebras.chat().completions().create(REQUEST);
			}
			assertThat(this.events).hasSize(3);
			assertThat(this.events.get(0)).startsWith("beforeRetry 1 ").contains("POST /v1/chat/completions");
			assertThat(this.events.get(1)).startsWith("beforeRetry 2 ").contains("POST /v1/chat/completions");
			assertThat(this.events.get(2)).startsWith("onRetrySuccess ").contains("POST /v1/chat/completions");
		}

		@Test
		void listenerSeesTheRetryAndTheSuccessOfAStream() {
			answerChatInTurn(error(503), chatStream());

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
				.retryPolicy(quick(2))
				.retryListener(this.listener)
				.build();
					CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
				stream.forEach(chunk -> {
				});
			}
			assertThat(this.events).hasSize(2);
			assertThat(this.events.get(0)).startsWith("beforeRetry 1 ").contains("POST /v1/chat/completions");
			assertThat(this.events.get(1)).startsWith("onRetrySuccess ").contains("POST /v1/chat/completions");
		}

		@Test
		void listenerSeesTheExhaustion() {
			server.stubFor(post(CHAT).willReturn(error(503)));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
				.retryPolicy(quick(2))
				.retryListener(this.listener)
				.build()) {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
			}
			assertThat(this.events).filteredOn(event -> event.startsWith("beforeRetry")).hasSize(2);
			assertThat(this.events).filteredOn(event -> event.startsWith("onRetrySuccess")).isEmpty();
			assertThat(this.events).filteredOn(event -> event.startsWith("onRetryPolicyExhaustion"))
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains("POST /v1/chat/completions");
			assertThat(this.exhaustions).singleElement()
				.satisfies(ex -> assertThat(ex.getCause()).isInstanceOf(InternalServerException.class));
		}

	}

	@Nested
	class UsersOwnPolicy {

		@Test
		void usersPolicyReplacesOursForWhetherAndHowOften() {
			server.stubFor(post(CHAT).willReturn(error(503)));
			RetryPolicy once = RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(10)).predicate(ex -> true).build();

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(once).build()) {
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@Test
		void usersPolicyMayRetryWhatOursNeverWould() {
			answerChatInTurn(error(400), completion());
			RetryPolicy everything = RetryPolicy.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(10))
				.predicate(ex -> true)
				.build();

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(everything).build()) {
				ChatCompletion completion = cerebras.chat().completions().create(REQUEST);

				assertThat(completion.content()).isEqualTo("Fast inference makes AI feel instant.");
			}
			assertThat(chatRequests()).hasSize(2);
		}

	}

	@Nested
	class PerRequestOptions {

		@Test
		void maxRetriesPerRequestDoesNotLeakIntoTheTemplate() {
			server.stubFor(post(CHAT).willReturn(error(503)));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(3)).build()) {
				CerebrasTemplate noRetries = cerebras.withOptions(options -> options.maxRetries(0));
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> noRetries.chat().completions().create(REQUEST));
				assertThat(chatRequests()).hasSize(1);

				server.resetRequests();
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
				assertThat(chatRequests()).hasSize(4);
			}
		}

		@Test
		void maxRetriesPerRequestAlsoCapsAUsersPolicy() {
			server.stubFor(post(CHAT).willReturn(error(503)));
			RetryPolicy threeTimes = RetryPolicy.builder()
				.maxRetries(3)
				.delay(Duration.ofMillis(10))
				.predicate(ex -> true)
				.build();

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(threeTimes).build()) {
				assertThatExceptionOfType(InternalServerException.class).isThrownBy(
						() -> cerebras.withOptions(options -> options.maxRetries(0)).chat().completions().create(REQUEST));
				assertThat(chatRequests()).hasSize(1);

				server.resetRequests();
				assertThatExceptionOfType(InternalServerException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
				assertThat(chatRequests()).hasSize(4);
			}
		}

	}

	@Nested
	class Streams {

		private static final String TEXT = "w0 w1 w2 w3 w4 ";

		@Test
		void streamFailingBeforeItsFirstChunkIsRetriedAndEveryChunkArrivesOnce() {
			answerChatInTurn(error(503), chatStream());
			List<ChatCompletionChunk> received = new ArrayList<>();

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build();
					CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse()
						.stream(REQUEST)) {
				assertThat(stream.response().retriesTaken()).isEqualTo(1);
				stream.forEach(received::add);
			}
			assertThat(chatRequests()).hasSize(2);
			// the role chunk, five words, an empty delta and the final chunk
			assertThat(received).hasSize(8);
			assertThat(received.stream().map(ChatCompletionChunk::content).reduce("", String::concat)).isEqualTo(TEXT);
		}

		@Test
		void reactiveStreamFailingBeforeItsFirstChunkIsRetriedAndEveryChunkArrivesOnce() {
			answerChatInTurn(error(503), chatStream());

			try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).retryPolicy(quick(2)).build()) {
				List<ChatCompletionChunk> received = cerebras.chat()
					.completions()
					.stream(REQUEST)
					.collectList()
					.block(Duration.ofSeconds(10));

				assertThat(received).hasSize(8);
				assertThat(received.stream().map(ChatCompletionChunk::content).reduce("", String::concat))
					.isEqualTo(TEXT);
			}
			assertThat(chatRequests()).hasSize(2);
		}

		@Test
		void reactiveRawStreamReportsTheRetryBeforeItsFirstChunk() {
			answerChatInTurn(error(503), chatStream());

			try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).retryPolicy(quick(2)).build()) {
				StreamResponse<ChatCompletionChunk> response = cerebras.chat()
					.completions()
					.withRawResponse()
					.stream(REQUEST)
					.block(Duration.ofSeconds(10));

				assertThat(response.metadata().retriesTaken()).isEqualTo(1);
				assertThat(response.chunks().collectList().block(Duration.ofSeconds(10))).hasSize(8);
			}
			assertThat(chatRequests()).hasSize(2);
		}

	}

	@Nested
	class RetriesTaken {

		@Test
		void firstAttemptThatSucceedsTookNoRetries() {
			server.stubFor(post(CHAT).willReturn(completion()));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				assertThat(cerebras.chat().completions().withRawResponse().create(REQUEST).retriesTaken()).isZero();
			}
			assertThat(chatRequests()).hasSize(1);
		}

		@Test
		void modelListReportsItsRetry() {
			answerInTurn(() -> get(MODELS), error(500), okJson("""
					{"object":"list","data":[{"id":"llama3.1-8b","object":"model","created":1721692800,"owned_by":"Meta"}]}
					"""));

			try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).retryPolicy(quick(2)).build()) {
				RawResponse<ModelList> response = cerebras.models().withRawResponse().list();

				assertThat(response.retriesTaken()).isEqualTo(1);
				assertThat(response.getBody().data()).singleElement()
					.satisfies(model -> assertThat(model.id()).isEqualTo("llama3.1-8b"));
			}
			assertThat(requests(getRequestedFor(urlPathEqualTo(MODELS)))).hasSize(2);
		}

	}

}
