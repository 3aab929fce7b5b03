package io.github.cerebras4j.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.cerebras4j.client.FaultTests.Api;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasPoolTimeoutException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A server that does what WireMock cannot: keeps a body open after {@code data: [DONE]}, ends one without it,
 * sends a line that never ends, an error body of many megabytes, a JSON body to a streaming call, or drips a
 * non-streaming answer. Each call ends at once with the answer or a typed exception, holds bounded memory and
 * leaves no connection behind.
 */
class HostileServerTests {

	/** Far above anything these tests should take: only proves that a call does not wait for a timeout. */
	private static final Duration NO_HANG = Duration.ofSeconds(20);

	/** The idle timeout of the clients here: a call that ends before it did not wait for it. */
	private static final Duration LONG_IDLE = Duration.ofSeconds(60);

	private static final ChatCompletionRequest CHAT = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Say hello.")
		.build();

	private static final List<String> TOKENS = List.of("Hel", "lo", " world");

	@ParameterizedTest
	@EnumSource(Api.class)
	void streamEndsAtDoneAlthoughTheBodyStaysOpenAndNothingAfterItArrives(Api api) throws Exception {
		PoolProbe pool = new PoolProbe();
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			for (String token : TOKENS) {
				exchange.event(chatChunk(token, null));
			}
			exchange.doneEvent().event(chatChunk(" after [DONE]", null));
			// then silent, with the body open
		}); CerebrasTemplate cerebras = template(server).connectionPool(pool.pool())
			.streamIdleTimeout(LONG_IDLE)
			.build()) {
			List<String> received = new ArrayList<>();

			assertTimeoutPreemptively(NO_HANG, () -> readChat(cerebras, api, chunk -> received.add(chunk.content())));

			assertThat(received).containsExactlyElementsOf(TOKENS);
			// the body did not end: the connection is closed rather than returned to the pool
			await().atMost(NO_HANG).untilAsserted(() -> assertThat(server.hangUpCount()).isEqualTo(1));
			await().atMost(NO_HANG).untilAsserted(() -> assertThat(pool.metrics().acquiredSize()).isZero());
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void connectionIsReusedWhenTheBodyEndsAfterDoneAndTheCallerDidNotWaitForIt() throws Exception {
		CountDownLatch firstCallReturned = new CountDownLatch(1);
		PoolProbe pool = new PoolProbe();
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			for (String token : TOKENS) {
				exchange.event(chatChunk(token, null));
			}
			exchange.doneEvent();
			if (request == 1) {
				// the body ends only once the caller has its answer: a caller that waited for it would never return
				firstCallReturned.await(NO_HANG.toSeconds(), TimeUnit.SECONDS);
			}
			exchange.endBody();
		}); CerebrasTemplate cerebras = template(server).connectionPool(pool.pool())
			.streamIdleTimeout(LONG_IDLE)
			.build()) {
			List<String> first = new ArrayList<>();
			assertTimeoutPreemptively(NO_HANG,
					() -> readChat(cerebras, Api.BLOCKING, chunk -> first.add(chunk.content())));
			firstCallReturned.countDown();
			await().atMost(NO_HANG).untilAsserted(() -> assertThat(pool.metrics().acquiredSize()).isZero());
			List<String> second = new ArrayList<>();
			readChat(cerebras, Api.BLOCKING, chunk -> second.add(chunk.content()));

			assertThat(first).containsExactlyElementsOf(TOKENS);
			assertThat(second).containsExactlyElementsOf(TOKENS);
			assertThat(server.requestCount()).isEqualTo(2);
			assertThat(server.connectionCount()).as("connections opened").isEqualTo(1);
		}
		finally {
			pool.dispose();
		}
	}

	@ParameterizedTest
	@EnumSource(Api.class)
	void bodyThatEndsAfterAFinishReasonWithoutDoneIsACompleteAnswer(Api api) throws Exception {
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			for (String token : TOKENS) {
				exchange.event(chatChunk(token, null));
			}
			exchange.event(chatChunk("", "stop")).endBody();
		}); CerebrasTemplate cerebras = template(server).build()) {
			List<String> received = new ArrayList<>();

			readChat(cerebras, api, chunk -> received.add(chunk.content()));

			assertThat(received).containsExactly("Hel", "lo", " world", "");
			assertThat(server.requestCount()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Api.class)
	void successThatIsNotAnEventStreamIsMalformedAndNotRetried(Api api) throws Exception {
		String json = "{\"id\":\"chatcmpl-1\",\"echo\":\"Bearer " + CerebrasWireMock.API_KEY + "\"}";
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> exchange
			.head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: " + json.length())
			.write(json.getBytes(StandardCharsets.UTF_8))); CerebrasTemplate cerebras = template(server).build()) {

			Throwable thrown = catchThrowable(() -> readChat(cerebras, api, chunk -> {
			}));

			assertThat(thrown).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("application/json")
				.hasMessageContaining("text/event-stream")
				.hasMessageNotContaining(CerebrasWireMock.API_KEY);
			assertThat(server.requestCount()).as("requests, with 2 retries allowed").isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Api.class)
	void lineThatNeverEndsFailsAtTheLimitIsNotRetriedAndClosesTheConnection(Api api) throws Exception {
		long hundredMebibytes = DataSize.ofMegabytes(100).toBytes();
		AtomicLong written = new AtomicLong();
		byte[] piece = new byte[64 * 1024];
		Arrays.fill(piece, (byte) 'x');
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders().chunk("data: {\"choices\":[{\"delta\":{\"content\":\"");
			try {
				while (written.get() < hundredMebibytes) {
					exchange.chunk(new String(piece, StandardCharsets.US_ASCII));
					written.addAndGet(piece.length);
				}
			}
			catch (IOException ex) {
				// the client closed the connection
			}
		}); CerebrasTemplate cerebras = template(server).build()) {

			Throwable thrown = assertTimeoutPreemptively(NO_HANG, () -> catchThrowable(() -> readChat(cerebras, api,
					chunk -> {
					})));

			assertThat(thrown).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("longer than " + CerebrasClientBuilder.DEFAULT_MAX_EVENT_SIZE.toBytes() + " bytes");
			assertThat(server.requestCount()).isEqualTo(1);
			await().atMost(NO_HANG).untilAsserted(() -> assertThat(server.hangUpCount()).isEqualTo(1));
			assertThat(written.get()).as("bytes the server could write").isLessThan(hundredMebibytes);
		}
	}

	@Test
	void dataLinesWithoutTheBlankLineThatEndsAnEventFailAtTheConfiguredLimit() throws Exception {
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			try {
				for (int i = 0; i < 100_000; i++) {
					exchange.chunk("data: {\"choices\":[{\"delta\":{\"content\":\"more\"}}]}\n");
				}
			}
			catch (IOException ex) {
				// the client closed the connection
			}
		}); CerebrasTemplate cerebras = template(server).maxEventSize(DataSize.ofKilobytes(16)).build()) {

			Throwable thrown = catchThrowable(() -> readChat(cerebras, Api.BLOCKING, chunk -> {
			}));

			assertThat(thrown).isInstanceOf(CerebrasMalformedResponseException.class)
				.hasMessageContaining("event of the stream is longer than 16384 bytes");
			assertThat(server.requestCount()).isEqualTo(1);
		}
	}

	@Test
	void textKeptForAnInterruptedStreamStopsAtItsLimit() throws Exception {
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders();
			for (String token : TOKENS) {
				exchange.event(chatChunk(token, null));
			}
			exchange.endBody();
		}); CerebrasTemplate cerebras = template(server).maxPartialText(4).build()) {

			Throwable thrown = catchThrowable(() -> readChat(cerebras, Api.BLOCKING, chunk -> {
			}));

			assertThat(thrown).isInstanceOfSatisfying(CerebrasStreamInterruptedException.class, ex -> {
				assertThat(ex.chunksReceived()).isEqualTo(3);
				assertThat(ex.partialText()).isEqualTo("Hell");
			});
		}
	}

	@Test
	void hugeErrorBodyIsCutAndEarlierAttemptsKeepLess() throws Exception {
		int bodyBytes = 8 * 1024 * 1024;
		byte[] piece = new byte[64 * 1024];
		Arrays.fill(piece, (byte) 'e');
		AtomicInteger fullyWritten = new AtomicInteger();
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.head("HTTP/1.1 500 Internal Server Error", "Content-Type: text/plain",
					"Content-Length: " + bodyBytes);
			try {
				for (int sent = 0; sent < bodyBytes; sent += piece.length) {
					exchange.write(piece);
				}
				fullyWritten.incrementAndGet();
			}
			catch (IOException ex) {
				// the client closed the connection
			}
		}); CerebrasTemplate cerebras = template(server).build()) {

			Throwable thrown = catchThrowable(() -> cerebras.chat().completions().create(CHAT));

			assertThat(thrown).isInstanceOfSatisfying(InternalServerException.class, ex -> {
				assertThat(ex.body()).hasSizeLessThanOrEqualTo(CerebrasApiException.MAX_BODY_CHARS);
				// the two earlier attempts (block() adds one more suppressed exception of its own)
				assertThat(ex.getSuppressed()).filteredOn(CerebrasApiException.class::isInstance)
					.hasSize(2)
					.allSatisfy(earlier -> assertThat(((CerebrasApiException) earlier).body())
						.hasSizeLessThanOrEqualTo(1024));
			});
			assertThat(server.requestCount()).isEqualTo(3);
			assertThat(fullyWritten.get()).as("error bodies read whole").isZero();
		}
	}

	@Test
	void drippingAnswerEndsAtTheNonStreamingDeadline() throws Exception {
		CountDownLatch callEnded = new CountDownLatch(1);
		String json = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}";
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: " + json.length());
			// one byte at a time, each well within the response timeout, until the call gave up
			for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
				if (callEnded.await(100, TimeUnit.MILLISECONDS)) {
					return;
				}
				exchange.write(new byte[] { b });
			}
		}); CerebrasTemplate cerebras = template(server).responseTimeout(LONG_IDLE)
			.nonStreamingDeadline(Duration.ofMillis(500))
			.build()) {

			Throwable thrown = assertTimeoutPreemptively(NO_HANG,
					() -> catchThrowable(() -> cerebras.chat().completions().create(CHAT)));
			callEnded.countDown();

			assertThat(thrown).isInstanceOf(CerebrasTimeoutException.class).hasMessageContaining("Deadline of 500 ms");
		}
	}

	@Test
	void poolThatHasNoFreeConnectionIsATimeoutThatIsNotRetried() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger retries = new AtomicInteger();
		try (ScriptedSocketServer server = new ScriptedSocketServer((request, exchange) -> {
			exchange.streamHeaders().event(chatChunk("Hel", null));
			release.await(NO_HANG.toSeconds(), TimeUnit.SECONDS);
			exchange.done();
		}); CerebrasTemplate cerebras = template(server).maxConnections(1)
			.pendingAcquireTimeout(Duration.ofMillis(200))
			.retryListener(new RetryListener() {
				@Override
				public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
					retries.incrementAndGet();
				}
			})
			.build(); CerebrasStream<ChatCompletionChunk> holding = cerebras.chat().completions().stream(CHAT)) {
			assertThat(holding.iterator().next().content()).isEqualTo("Hel");

			Throwable thrown = catchThrowable(() -> cerebras.chat().completions().create(CHAT));
			release.countDown();

			assertThat(thrown).isInstanceOf(CerebrasPoolTimeoutException.class)
				.isInstanceOf(CerebrasTimeoutException.class);
			assertThat(retries.get()).isZero();
			assertThat(server.requestCount()).isEqualTo(1);
		}
	}

	private static void readChat(CerebrasTemplate cerebras, Api api,
			java.util.function.Consumer<ChatCompletionChunk> each) {
		if (api == Api.BLOCKING) {
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(CHAT)) {
				stream.forEach(each);
			}
		}
		else {
			cerebras.reactive().chat().completions().stream(CHAT).doOnNext(each).blockLast(NO_HANG);
		}
	}

	private static CerebrasClientBuilder<CerebrasTemplate> template(ScriptedSocketServer server) {
		return CerebrasTemplate.builder()
			.apiKey(CerebrasWireMock.API_KEY)
			.baseUrl(server.baseUrl())
			.environment(name -> null)
			.warmUp(false)
			.retryPolicy(CerebrasRetryPolicy.builder().maxRetries(2).initialDelay(Duration.ofMillis(20)).build());
	}

	static String chatChunk(String content, String finishReason) {
		return "{\"id\":\"chatcmpl-7d2\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}"
				+ ((finishReason != null) ? ",\"finish_reason\":\"" + finishReason + "\"" : "") + "}]}";
	}

}
