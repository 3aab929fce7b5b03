package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder.newRequestPattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Faults on the wire: every endpoint, blocking and reactive, streaming and not, fails with a typed exception after
 * exactly the configured retries and never hangs; a stream is retried only until its first chunk reached the
 * caller, so no token is ever delivered twice; and no fault leaves a connection acquired.
 */
class FaultTests {

	/**
	 * WireMock on 127.0.0.1 that waits out its delays on a timer instead of a server thread: the delayed calls
	 * here leave their 5 s waits behind, which would otherwise use up the server's threads.
	 */
	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			.asynchronousResponseEnabled(true))
		.build();

	/** Far above anything these tests should take: only proves that a call does not hang. */
	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private static final ChatCompletionRequest CHAT = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say hello.")
		.build();

	private static final CompletionRequest TEXT = CompletionRequest.builder().model("llama3.1-8b").prompt("Hello").build();

	private static final List<String> TOKENS = List.of("Hel", "lo", " world");

	/** The calls of the API, each run to its end: a stream is read until it completes or fails. */
	enum Endpoint {

		CHAT_CREATE(RequestMethod.POST, "/v1/chat/completions", cerebras -> cerebras.chat().completions().create(CHAT),
				cerebras -> cerebras.chat().completions().create(CHAT).block(NO_HANG)),

		CHAT_STREAM(RequestMethod.POST, "/v1/chat/completions", cerebras -> {
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(CHAT)) {
				stream.forEach(chunk -> {
				});
			}
		}, cerebras -> cerebras.chat().completions().stream(CHAT).blockLast(NO_HANG)),

		TEXT_CREATE(RequestMethod.POST, "/v1/completions", cerebras -> cerebras.completions().create(TEXT),
				cerebras -> cerebras.completions().create(TEXT).block(NO_HANG)),

		TEXT_STREAM(RequestMethod.POST, "/v1/completions", cerebras -> {
			try (CerebrasStream<CompletionChunk> stream = cerebras.completions().stream(TEXT)) {
				stream.forEach(chunk -> {
				});
			}
		}, cerebras -> cerebras.completions().stream(TEXT).blockLast(NO_HANG)),

		MODELS_LIST(RequestMethod.GET, "/v1/models", cerebras -> cerebras.models().list(),
				cerebras -> cerebras.models().list().block(NO_HANG)),

		MODELS_RETRIEVE(RequestMethod.GET, "/v1/models/llama3.1-8b", cerebras -> cerebras.models().retrieve("llama3.1-8b"),
				cerebras -> cerebras.models().retrieve("llama3.1-8b").block(NO_HANG));

		final RequestMethod method;

		final String path;

		private final Consumer<CerebrasTemplate> blocking;

		private final Consumer<ReactiveCerebrasTemplate> reactive;

		Endpoint(RequestMethod method, String path, Consumer<CerebrasTemplate> blocking,
				Consumer<ReactiveCerebrasTemplate> reactive) {
			this.method = method;
			this.path = path;
			this.blocking = blocking;
			this.reactive = reactive;
		}

		void call(CerebrasTemplate cerebras, Api api) {
			if (api == Api.BLOCKING) {
				this.blocking.accept(cerebras);
			}
			else {
				this.reactive.accept(cerebras.reactive());
			}
		}

	}

	enum Api {

		BLOCKING, REACTIVE

	}

	/**
	 * A fault WireMock puts on the wire, the response and stream idle timeout the client gets for it, and the
	 * exception the caller gets. The timeouts leave no doubt which ends a call: 5 s, far longer than any fault
	 * takes even on a cold server, or 200 ms against a 5 s delay.
	 */
	enum WireFault {

		CONNECTION_RESET_BY_PEER(Fault.CONNECTION_RESET_BY_PEER, CerebrasConnectionException.class),

		EMPTY_RESPONSE(Fault.EMPTY_RESPONSE, CerebrasConnectionException.class),

		MALFORMED_RESPONSE_CHUNK(Fault.MALFORMED_RESPONSE_CHUNK, CerebrasConnectionException.class),

		RANDOM_DATA_THEN_CLOSE(Fault.RANDOM_DATA_THEN_CLOSE, CerebrasConnectionException.class),

		DELAY_BEYOND_TIMEOUT(null, CerebrasTimeoutException.class);

		private final @Nullable Fault fault;

		final Class<? extends CerebrasException> expected;

		final Duration timeout;

		WireFault(@Nullable Fault fault, Class<? extends CerebrasException> expected) {
			this.fault = fault;
			this.expected = expected;
			this.timeout = (fault != null) ? Duration.ofSeconds(5) : Duration.ofMillis(200);
		}

		ResponseDefinitionBuilder response() {
			return (this.fault != null) ? aResponse().withFault(this.fault) : okJson("{}").withFixedDelay(5000);
		}

	}

	/** How a stream breaks after chunks reached the caller. */
	enum Break {

		RESET, SILENCE

	}

	static Stream<Arguments> everyEndpointFaultAndApi() {
		return Arrays.stream(Endpoint.values())
			.flatMap(endpoint -> Arrays.stream(WireFault.values())
				.flatMap(fault -> Arrays.stream(Api.values()).map(api -> Arguments.of(endpoint, fault, api))));
	}

	@ParameterizedTest(name = "{1} on {0}, {2}")
	@MethodSource("everyEndpointFaultAndApi")
	void faultIsRetriedThenThrownTypedWithoutHanging(Endpoint endpoint, WireFault fault, Api api) {
		server.stubFor(any(urlPathEqualTo(endpoint.path)).willReturn(fault.response()));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.retryPolicy(fastRetries(2))
			.responseTimeout(fault.timeout)
			.streamIdleTimeout(fault.timeout)
			.build()) {
			Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() -> endpoint.call(cerebras, api)));

			assertThat(thrown).isExactlyInstanceOf(fault.expected);
			assertThat(thrown.getClass().getPackageName()).startsWith("io.github.cerebras4j");
			assertThat(Arrays.stream(thrown.getSuppressed()).filter(CerebrasException.class::isInstance))
				.as("the failures of the two earlier attempts")
				.hasSize(2);
			assertThat(server.findAll(newRequestPattern(endpoint.method, urlPathEqualTo(endpoint.path)))).hasSize(3);
			assertThat(server.getAllServeEvents()).hasSize(3);
		}
	}

	static Stream<Arguments> everyFaultOnACallAndAStream() {
		return Arrays.stream(WireFault.values())
			.flatMap(fault -> Stream.of(Arguments.of(fault, Endpoint.CHAT_CREATE), Arguments.of(fault, Endpoint.CHAT_STREAM)));
	}

	@ParameterizedTest(name = "{0} on {1}")
	@MethodSource("everyFaultOnACallAndAStream")
	void faultLeavesNoConnectionAcquired(WireFault fault, Endpoint endpoint) {
		server.stubFor(any(urlPathEqualTo(endpoint.path)).willReturn(fault.response()));
		PoolProbe pool = new PoolProbe();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server)
			.connectionPool(pool.pool())
			.retryPolicy(fastRetries(2))
			.responseTimeout(fault.timeout)
			.streamIdleTimeout(fault.timeout)
			.build()) {
			assertThat(catchThrowable(() -> endpoint.call(cerebras, Api.BLOCKING))).isInstanceOf(fault.expected);

			await().atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(pool.metrics().acquiredSize()).isZero());
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	static Stream<Arguments> everyBreakAndApi() {
		return Arrays.stream(Break.values())
			.flatMap(ending -> Arrays.stream(Api.values()).map(api -> Arguments.of(ending, api)));
	}

	@ParameterizedTest(name = "{0} after the third chunk, {1}")
	@MethodSource("everyBreakAndApi")
	void streamBrokenAfterChunksReachedTheCallerIsInterruptedAndNotRetried(Break ending, Api api) throws Exception {
		CountDownLatch delivered = new CountDownLatch(TOKENS.size());
		PoolProbe pool = new PoolProbe();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			for (String token : TOKENS) {
				exchange.event(chatChunk(token));
			}
			if (ending == Break.RESET) {
				// reset only once the caller has every chunk: a reset may drop bytes still in flight
				delivered.await(5, TimeUnit.SECONDS);
				exchange.reset();
			}
		}); CerebrasTemplate cerebras = template(socketServer).connectionPool(pool.pool())
			.streamIdleTimeout(Duration.ofMillis(300))
			.build()) {
			List<String> received = new ArrayList<>();

			Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() -> readChat(cerebras, api, chunk -> {
				received.add(chunk.content());
				delivered.countDown();
			})));

			assertThat(received).containsExactlyElementsOf(TOKENS);
			// a silence is a timeout, a reset an interruption; both say what was received
			Class<? extends CerebrasConnectionException> expected = (ending == Break.SILENCE)
					? CerebrasTimeoutException.class : CerebrasStreamInterruptedException.class;
			assertThat(thrown).isInstanceOfSatisfying(expected, ex -> {
				assertThat(ex.chunksReceived()).isEqualTo(3);
				assertThat(ex.partialText()).isEqualTo("Hello world");
				assertThat(ex.getCause()).isInstanceOf(CerebrasConnectionException.class);
			});
			assertThat(socketServer.requestCount()).as("requests, with 2 retries allowed").isEqualTo(1);
			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(pool.metrics().acquiredSize()).isZero());
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void chunksThatArrivedBeforeAResetReachASlowReaderBeforeTheError() throws Exception {
		CountDownLatch firstRead = new CountDownLatch(1);
		CountDownLatch reset = new CountDownLatch(1);
		PoolProbe pool = new PoolProbe();
		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			// one write: once the reader has the first chunk, the client has read the other two as well
			exchange.chunk(String.join("", TOKENS.stream().map((token) -> "data: " + chatChunk(token) + "\n\n").toList()));
			firstRead.await(5, TimeUnit.SECONDS);
			exchange.reset();
			reset.countDown();
		}); CerebrasTemplate cerebras = template(socketServer).connectionPool(pool.pool()).build()) {
			List<String> received = new CopyOnWriteArrayList<>();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			BaseSubscriber<ChatCompletionChunk> oneAtATime = new BaseSubscriber<>() {

				@Override
				protected void hookOnSubscribe(Subscription subscription) {
					subscription.request(1);
				}

				@Override
				protected void hookOnNext(ChatCompletionChunk chunk) {
					received.add(chunk.content());
					firstRead.countDown();
				}

				@Override
				protected void hookOnError(Throwable ex) {
					failure.set(ex);
				}

			};

			cerebras.reactive().chat().completions().stream(CHAT).subscribe(oneAtATime);
			assertThat(reset.await(5, TimeUnit.SECONDS)).isTrue();
			// the pool lets the connection go once the client has seen the reset, while two chunks wait for demand
			await().atMost(NO_HANG).until(() -> pool.metrics().allocatedSize() == 0);
			assertThat(received).containsExactly(TOKENS.get(0));
			assertThat(failure.get()).isNull();
			oneAtATime.request(10);

			await().atMost(NO_HANG).untilAsserted(() -> assertThat(failure.get()).isNotNull());
			assertThat(received).containsExactlyElementsOf(TOKENS);
			assertThat(failure.get()).isInstanceOfSatisfying(CerebrasStreamInterruptedException.class,
					(ex) -> assertThat(ex.partialText()).isEqualTo("Hello world"));
		}
		finally {
			pool.dispose();
		}
	}

	@ParameterizedTest(name = "{0} after the headers, {1}")
	@MethodSource("everyBreakAndApi")
	void streamBrokenBeforeItsFirstChunkIsRetriedUntilRetriesRunOut(Break ending, Api api) throws Exception {
		PoolProbe pool = new PoolProbe();
		HeadersRead headersRead = new HeadersRead();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			if (ending == Break.RESET) {
				headersRead.awaitNext(); // the response has started, no chunk has
				exchange.reset();
			}
		}); CerebrasTemplate cerebras = template(socketServer).connectionPool(pool.pool())
			.webClientBuilder(headersRead.webClient())
			.streamIdleTimeout(Duration.ofMillis(300))
			.build()) {
			List<String> received = new ArrayList<>();

			Throwable thrown = assertTimeoutPreemptively(NO_HANG,
					() -> catchThrowable(() -> readChat(cerebras, api, chunk -> received.add(chunk.content()))));

			assertThat(received).isEmpty();
			assertThat(thrown).isExactlyInstanceOf(
					(ending == Break.RESET) ? CerebrasConnectionException.class : CerebrasTimeoutException.class);
			assertThat(Arrays.stream(thrown.getSuppressed()).filter(CerebrasException.class::isInstance)).hasSize(2);
			assertThat(socketServer.requestCount()).isEqualTo(3);
			assertThat(socketServer.requestLines()).containsOnly("POST /v1/chat/completions HTTP/1.1");
			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(pool.metrics().acquiredSize()).isZero());
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	static Stream<Arguments> everyFirstAttemptBreakAndApi() {
		return Stream.of("headers only", "half an event")
			.flatMap(sent -> Arrays.stream(Api.values()).map(api -> Arguments.of(sent, api)));
	}

	@ParameterizedTest(name = "reset after {0}, {1}")
	@MethodSource("everyFirstAttemptBreakAndApi")
	void streamRetriedAfterAResetBeforeItsFirstChunkDeliversEveryChunkOnce(String sent, Api api) throws Exception {
		HeadersRead headersRead = new HeadersRead();
		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			if (request == 1) {
				headersRead.awaitNext(); // the response has started
				if (sent.equals("half an event")) {
					String event = "data: " + chatChunk(TOKENS.get(0)) + "\n\n";
					exchange.chunk(event.substring(0, event.length() / 2));
				}
				exchange.reset();
				return;
			}
			for (String token : TOKENS) {
				exchange.event(chatChunk(token));
			}
			exchange.done();
		}); CerebrasTemplate cerebras = template(socketServer).webClientBuilder(headersRead.webClient()).build()) {
			List<String> received = new ArrayList<>();

			assertTimeoutPreemptively(NO_HANG, () -> readChat(cerebras, api, chunk -> received.add(chunk.content())));

			assertThat(received).containsExactlyElementsOf(TOKENS);
			assertThat(socketServer.requestCount()).isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Api.class)
	void streamResponseDescribesTheAttemptThatDeliveredTheChunks(Api api) throws Exception {
		HeadersRead headersRead = new HeadersRead();
		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders("x-request-id: req-" + request);
			if (request == 1) {
				headersRead.awaitNext(); // the first attempt has a response, whose metadata must not be the one given
				exchange.reset();
				return;
			}
			for (String token : TOKENS) {
				exchange.event(chatChunk(token));
			}
			exchange.done();
		}); CerebrasTemplate cerebras = template(socketServer).webClientBuilder(headersRead.webClient()).build()) {
			List<String> received = new ArrayList<>();
			ResponseMetadata metadata;

			if (api == Api.BLOCKING) {
				try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().withRawResponse().stream(CHAT)) {
					stream.forEach(chunk -> received.add(chunk.content()));
					metadata = stream.response();
				}
			}
			else {
				StreamResponse<ChatCompletionChunk> response = cerebras.reactive().chat().completions().withRawResponse()
					.stream(CHAT).block(NO_HANG);
				response.chunks().doOnNext(chunk -> received.add(chunk.content())).blockLast(NO_HANG);
				metadata = response.metadata();
			}

			assertThat(received).containsExactlyElementsOf(TOKENS);
			assertThat(socketServer.requestCount()).isEqualTo(2);
			assertThat(metadata.headers().getFirst("x-request-id")).isEqualTo("req-2");
			assertThat(metadata.retriesTaken()).isEqualTo(1);
		}
	}

	private static void readChat(CerebrasTemplate cerebras, Api api, Consumer<ChatCompletionChunk> each) {
		if (api == Api.BLOCKING) {
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(CHAT)) {
				stream.forEach(each);
			}
		}
		else {
			cerebras.reactive().chat().completions().stream(CHAT).doOnNext(each).blockLast(NO_HANG);
		}
	}

	private static CerebrasClientBuilder<CerebrasTemplate> template(ScriptedSocketServer socketServer) {
		return CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl(socketServer.baseUrl())
			.environment(name -> null)
			.warmUp(false)
			.retryPolicy(fastRetries(2));
	}

	private static CerebrasRetryPolicy fastRetries(int maxRetries) {
		return CerebrasRetryPolicy.builder().maxRetries(maxRetries).initialDelay(Duration.ofMillis(20)).build();
	}

	private static String chatChunk(String content) {
		return "{\"id\":\"chatcmpl-7d2\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}";
	}

}
