package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CallPolicy} alone, around attempts written in the test and in virtual time: retries as the
 * {@link CerebrasRetryPolicy} says (backoff 1 s then 2 s, no jitter), a deadline from the options, a stream retried
 * only before its first chunk and answered with the metadata of the attempt that delivered it, and an observation
 * stopped once whatever the outcome.
 */
class CallPolicyTests {

	private static final ApiCall CALL = new ApiCall(HttpMethod.POST, "/v1/chat/completions", Map.of(), new byte[0], "chat", "llama3.1-8b");

	private static final CerebrasRetryPolicy TWO_RETRIES = CerebrasRetryPolicy.builder()
		.maxRetries(2)
		.initialDelay(Duration.ofSeconds(1))
		.maxDelay(Duration.ofSeconds(8))
		.jitter(0)
		.build();

	private static final Duration GRACE = StreamResponse.SUBSCRIBE_GRACE_PERIOD;

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final AtomicInteger stops = new AtomicInteger();

	private final AtomicInteger attempts = new AtomicInteger();

	@BeforeEach
	void countStops() {
		this.registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				CallPolicyTests.this.stops.incrementAndGet();
			}

		});
	}

	@Test
	void failedAttemptIsRetriedAfterEachBackoffUpToThePolicysLimitAndTheObservationCountsTheRetries() {
		StepVerifier.withVirtualTime(() -> policy(null).exchange(CALL, retriesTaken -> {
			this.attempts.incrementAndGet();
			return Mono.<RawResponse<String>>error(new CerebrasConnectionException("reset " + retriesTaken, null));
		}))
			.expectSubscription()
			.then(() -> assertThat(this.attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(999))
			.then(() -> assertThat(this.attempts).hasValue(1))
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.attempts).hasValue(2))
			.thenAwait(Duration.ofSeconds(2))
			.expectErrorSatisfies(ex -> assertThat(ex).isExactlyInstanceOf(CerebrasConnectionException.class)
				.hasMessage("reset 2")
				.satisfies(last -> assertThat(last.getSuppressed()).hasSize(2)))
			.verify();
		assertThat(this.attempts).hasValue(3);
		assertThat(this.registry).hasSingleObservationThat()
			.hasHighCardinalityKeyValue("cerebras.retries", "2")
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasBeenStopped();
		assertThat(context().retryCauses()).containsExactly("CerebrasConnectionException",
				"CerebrasConnectionException");
	}

	@Test
	void deadlineOfTheOptionsFailsASlowCallAtExactlyTheDeadline() {
		StepVerifier.withVirtualTime(() -> policy(Duration.ofSeconds(5)).exchange(CALL, retriesTaken -> Mono.never()))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(ex -> assertThat(ex).isExactlyInstanceOf(CerebrasTimeoutException.class)
				.hasMessage("Deadline of 5000 ms exceeded: POST /v1/chat/completions"))
			.verify();
	}

	@Test
	void deadlineOfTheOptionsFailsAStreamWithWhatItDelivered() {
		CallPolicy.StreamAttempt<ChatCompletionChunk> attempt = (retriesTaken, onResponse) -> {
			onResponse.accept(metadata(retriesTaken, "1"));
			return Flux.just(chunk("Hel")).concatWith(Flux.never());
		};

		StepVerifier.withVirtualTime(() -> chunks(policy(Duration.ofSeconds(5)).stream(CALL, attempt, GRACE)))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("Hel"))
			.expectNoEvent(Duration.ofMillis(4999))
			.thenAwait(Duration.ofMillis(1))
			.expectErrorSatisfies(ex -> {
				assertThat(ex).isExactlyInstanceOf(CerebrasTimeoutException.class)
					.hasMessageContaining("Deadline of 5000 ms exceeded");
				assertThat(((CerebrasTimeoutException) ex).chunksReceived()).isEqualTo(1);
				assertThat(((CerebrasTimeoutException) ex).partialText()).isEqualTo("Hel");
			})
			.verify();
	}

	@Test
	void streamIsNotRetriedOnceAChunkWasDelivered() {
		CallPolicy.StreamAttempt<ChatCompletionChunk> attempt = (retriesTaken, onResponse) -> {
			this.attempts.incrementAndGet();
			onResponse.accept(metadata(retriesTaken, "1"));
			return Flux.just(chunk("Hel")).concatWith(Flux.error(new CerebrasConnectionException("reset", null)));
		};

		StepVerifier.withVirtualTime(() -> chunks(policy(null).stream(CALL, attempt, GRACE)))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("Hel"))
			.thenAwait(Duration.ofMinutes(1))
			.expectErrorSatisfies(ex -> {
				assertThat(ex).isInstanceOf(CerebrasStreamInterruptedException.class);
				assertThat(((CerebrasStreamInterruptedException) ex).chunksReceived()).isEqualTo(1);
			})
			.verify();
		assertThat(this.attempts).hasValue(1);
	}

	@Test
	void streamResponseIsTheMetadataOfTheAttemptThatDeliveredTheFirstChunk() {
		CallPolicy.StreamAttempt<ChatCompletionChunk> attempt = (retriesTaken, onResponse) -> {
			int number = this.attempts.incrementAndGet();
			onResponse.accept(metadata(retriesTaken, String.valueOf(number)));
			// the first attempt answers 200 and fails before any chunk; the second delivers
			return (number == 1) ? Flux.error(new CerebrasConnectionException("reset", null))
					: Flux.just(chunk("Hi"));
		};
		AtomicReference<ResponseMetadata> metadata = new AtomicReference<>();

		StepVerifier.withVirtualTime(() -> policy(null).stream(CALL, attempt, GRACE)
			.doOnNext(response -> metadata.set(response.metadata()))
			.flatMapMany(StreamResponse::chunks))
			.thenAwait(Duration.ofSeconds(1))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("Hi"))
			.verifyComplete();
		assertThat(metadata.get().headers().getFirst("X-Attempt")).isEqualTo("2");
		assertThat(metadata.get().retriesTaken()).isEqualTo(1);
		assertThat(context().response()).isEqualTo(metadata.get());
	}

	@Test
	void observationOfASuccessIsStoppedOnce() {
		ResponseMetadata ok = metadata(0, "1");

		StepVerifier.create(policy(null).exchange(CALL, retriesTaken -> Mono.just(new RawResponse<>("ok", ok))))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("http.response.status_code", "200")
			.hasBeenStopped();
		assertThat(this.stops).hasValue(1);
	}

	@Test
	void observationOfAnErrorIsStoppedOnce() {
		CerebrasApiException badRequest = CerebrasApiException.of(400, new HttpHeaders(), "{\"message\":\"no\"}");

		StepVerifier.create(policy(null).exchange(CALL, retriesTaken -> Mono.<RawResponse<String>>error(badRequest)))
			.expectErrorSatisfies(ex -> assertThat(ex).isSameAs(badRequest))
			.verify();
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("error.type", "BadRequestException")
			.hasBeenStopped();
		assertThat(this.stops).hasValue(1);
	}

	@Test
	void observationOfACancelledStreamIsStoppedOnce() {
		CallPolicy.StreamAttempt<ChatCompletionChunk> attempt = (retriesTaken, onResponse) -> {
			onResponse.accept(metadata(retriesTaken, "1"));
			return Flux.just(chunk("a"), chunk("b"), chunk("c"));
		};

		StepVerifier.create(chunks(policy(null).stream(CALL, attempt, GRACE)), 1)
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("a"))
			.thenCancel()
			.verify();
		assertThat(this.registry).hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "CANCELLED")
			.hasBeenStopped();
		assertThat(this.stops).hasValue(1);
		assertThat(context().chunks()).isEqualTo(1);
	}

	private CallPolicy policy(@Nullable Duration deadline) {
		RetryLoop retryLoop = new RetryLoop(TWO_RETRIES, null, TWO_RETRIES.maxRetryAfter(), null);
		return new CallPolicy(retryLoop, this.registry, null, "api.test", deadline, Duration.ofMinutes(10), 1000);
	}

	private static Flux<ChatCompletionChunk> chunks(Mono<StreamResponse<ChatCompletionChunk>> response) {
		return response.flatMapMany(StreamResponse::chunks);
	}

	private CerebrasObservationContext context() {
		AtomicReference<CerebrasObservationContext> context = new AtomicReference<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy(contexts -> assertThat(contexts).singleElement()
			.isInstanceOfSatisfying(CerebrasObservationContext.class, context::set));
		return context.get();
	}

	private static ResponseMetadata metadata(int retriesTaken, String attempt) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Attempt", attempt);
		return new ResponseMetadata(HttpStatus.OK, headers, retriesTaken);
	}

	private static ChatCompletionChunk chunk(String content) {
		return CerebrasJson.mapper().readValue("{\"id\":\"chatcmpl-1\",\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"" + content + "\"}}]}", ChatCompletionChunk.class);
	}

}
