package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.cerebras4j.client.FlakyResponses.Answer;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many concurrent calls against a server that answers one request in five with a 503 or a connection reset: every
 * call ends, as a success or as a typed exception, within its retry budget, and no connection is left behind.
 * Which attempt of which call fails is fixed by a seed (see {@link FlakyResponses}), so each call's outcome is
 * known in advance and checked exactly.
 */
class LoadUnderFaultsTests {

	private static final FlakyResponses flaky = new FlakyResponses(20260131L);

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.containerThreads(150)
			.jettyAcceptors(2)
			.extensions(flaky))
		.build();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.build();

	private static final int MAX_RETRIES = 2;

	private static final CerebrasRetryPolicy FAST_RETRIES = CerebrasRetryPolicy.builder()
		.maxRetries(MAX_RETRIES)
		.initialDelay(Duration.ofMillis(5))
		.maxDelay(Duration.ofMillis(20))
		.build();

	/** The exception each faulty answer must become. */
	private static final Function<Answer, Class<? extends CerebrasException>> EXCEPTIONS = answer -> switch (answer) {
		case SERVICE_UNAVAILABLE -> InternalServerException.class;
		case CONNECTION_RESET -> CerebrasConnectionException.class;
		case OK -> throw new IllegalArgumentException("not a fault");
	};

	@BeforeEach
	void stubChatCompletion() {
		server.stubFor(post("/v1/chat/completions").willReturn(okJson(CerebrasWireMock.chatCompletion())));
	}

	@Test
	void reactiveCallsUnderResetsAnd503sEachSucceedOrFailTypedWithinTheirRetriesAndFreeThePool() {
		List<String> callIds = callIds("reactive-", 500);
		PoolProbe pool = new PoolProbe(64);
		Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server)
			.retryPolicy(FAST_RETRIES)
			.connectionPool(pool.pool())
			.build()) {
			Flux.fromIterable(callIds)
				.flatMap(id -> cerebras.withOptions(o -> o.header(FlakyResponses.CALL_ID, id))
					.chat()
					.completions()
					.withRawResponse()
					.create(REQUEST)
					.map(response -> Outcome.success(id, response.retriesTaken(), response.getBody()))
					.onErrorResume(ex -> Mono.just(Outcome.failure(id, ex))), 64)
				.doOnNext(outcome -> outcomes.put(outcome.callId(), outcome))
				.blockLast(Duration.ofSeconds(60));

			assertEveryCallEndedAsPlanned(callIds, outcomes);
			assertPoolIsIdle(pool);
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void blockingCallsFromManyThreadsUnderResetsAnd503sEachSucceedOrFailTypedWithinTheirRetriesAndFreeThePool()
			throws InterruptedException {
		List<String> callIds = callIds("blocking-", 200);
		PoolProbe pool = new PoolProbe(64);
		Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(32);

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.retryPolicy(FAST_RETRIES)
			.connectionPool(pool.pool())
			.build()) {
			for (String id : callIds) {
				threads.execute(() -> outcomes.put(id, call(cerebras, id)));
			}
			threads.shutdown();
			assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("all calls ended within 60 s").isTrue();

			assertEveryCallEndedAsPlanned(callIds, outcomes);
			assertPoolIsIdle(pool);
		}
		finally {
			threads.shutdownNow();
			pool.dispose();
		}
	}

	private static Outcome call(CerebrasTemplate cerebras, String id) {
		try {
			RawResponse<ChatCompletion> response = cerebras.withOptions(o -> o.header(FlakyResponses.CALL_ID, id))
				.chat()
				.completions()
				.withRawResponse()
				.create(REQUEST);
			return Outcome.success(id, response.retriesTaken(), response.getBody());
		}
		catch (RuntimeException ex) {
			return Outcome.failure(id, ex);
		}
	}

	private static List<String> callIds(String prefix, int count) {
		List<String> callIds = IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
		// guard the seed: the run must make calls retry, and make some run out of retries
		assertThat(callIds).anyMatch(id -> planned(id).attempts() > 1)
			.anyMatch(id -> planned(id).failure() != null);
		return callIds;
	}

	private static void assertEveryCallEndedAsPlanned(List<String> callIds, Map<String, Outcome> outcomes) {
		Map<String, Long> requestsSeen = server.getAllServeEvents()
			.stream()
			.map(ServeEvent::getRequest)
			.filter(request -> request.getUrl().equals("/v1/chat/completions"))
			.collect(Collectors.groupingBy(request -> String.valueOf(request.getHeader(FlakyResponses.CALL_ID)),
					Collectors.counting()));
		long succeeded = outcomes.values().stream().filter(outcome -> outcome.failure() == null).count();
		long retried = requestsSeen.values().stream().filter(count -> count > 1).count();
		String counts = callIds.size() + " calls: " + succeeded + " succeeded, " + (outcomes.size() - succeeded)
				+ " failed, " + retried + " retried, " + requestsSeen.values().stream().mapToLong(Long::longValue).sum()
				+ " requests";

		assertThat(outcomes.keySet()).as(counts).containsExactlyInAnyOrderElementsOf(callIds);
		assertThat(requestsSeen.keySet()).as(counts).containsExactlyInAnyOrderElementsOf(callIds);
		assertThat(requestsSeen.entrySet()).as("calls sent more than %d times (%s)", 1 + MAX_RETRIES, counts)
			.filteredOn(entry -> entry.getValue() > 1 + MAX_RETRIES)
			.isEmpty();
		assertThat(retried).as(counts).isPositive();
		assertThat(succeeded).as(counts).isGreaterThanOrEqualTo(Math.round(callIds.size() * 0.97));
		for (String id : callIds) {
			Planned plan = planned(id);
			Outcome outcome = outcomes.get(id);
			assertThat(requestsSeen.get(id)).as("requests for %s", id).isEqualTo(plan.attempts());
			if (plan.failure() == null) {
				assertThat(outcome.failure()).as("failure of %s", id).isNull();
				assertThat(outcome.retriesTaken()).as("retries of %s", id).isEqualTo(plan.attempts() - 1);
				assertThat(outcome.body().id()).as("body of %s", id).isEqualTo("chatcmpl-4c7e1c4f");
			}
			else {
				assertThat(outcome.failure()).as("failure of %s", id).isExactlyInstanceOf(plan.failure());
				List<Class<?>> earlier = Arrays.stream(outcome.failure().getSuppressed())
					.filter(CerebrasException.class::isInstance)
					.map(Object::getClass)
					.collect(Collectors.toList());
				assertThat(earlier).as("earlier failures of %s", id).containsExactlyElementsOf(plan.earlierFailures());
			}
		}
	}

	private static void assertPoolIsIdle(PoolProbe pool) {
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(pool.metrics().acquiredSize()).as("acquired connections").isZero();
			assertThat(pool.metrics().pendingAcquireSize()).as("pending acquires").isZero();
		});
	}

	/** What the server's answers make of a call: the requests it takes, and the exceptions if it fails. */
	private static Planned planned(String callId) {
		List<Class<? extends CerebrasException>> failures = new ArrayList<>();
		for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
			Answer answer = flaky.answer(callId, attempt);
			if (!answer.isFault()) {
				return new Planned(attempt + 1, null, failures);
			}
			failures.add(EXCEPTIONS.apply(answer));
		}
		return new Planned(1 + MAX_RETRIES, failures.get(MAX_RETRIES), failures.subList(0, MAX_RETRIES));
	}

	private record Planned(int attempts, @Nullable Class<? extends CerebrasException> failure,
			List<Class<? extends CerebrasException>> earlierFailures) {
	}

	private record Outcome(String callId, int retriesTaken, @Nullable ChatCompletion body, @Nullable Throwable failure) {

		static Outcome success(String callId, int retriesTaken, @Nullable ChatCompletion body) {
			return new Outcome(callId, retriesTaken, body, null);
		}

		static Outcome failure(String callId, Throwable failure) {
			return new Outcome(callId, -1, null, failure);
		}

	}

}
