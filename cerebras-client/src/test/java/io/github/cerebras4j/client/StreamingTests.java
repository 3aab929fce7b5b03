package io.github.cerebras4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.completions.CompletionChunk;
import io.github.cerebras4j.client.completions.CompletionRequest;
import io.github.cerebras4j.client.error.AuthenticationException;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.github.cerebras4j.client.error.InternalServerException;
import io.github.cerebras4j.client.error.RateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Streaming end to end: chunks arrive as the server sends them, the stream ends at {@code [DONE]} and nowhere else,
 * errors inside a stream are typed, and stopping early gives the connection back.
 */
class StreamingTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Count.")
		.build();

	@Test
	void chunksReachTheCallerWhileTheServerIsStillSending() throws Exception {
		// the server sends the role chunk and 5 words, then holds the rest of the body until the test has a word
		HeldStream held = HeldStream.after(CerebrasWireMock.chatStream(CerebrasWireMock.words(40)), 6);
		List<String> words = new ArrayList<>();
		AtomicBoolean restSentBeforeTheFirstWord = new AtomicBoolean();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer(held);
				CerebrasTemplate cerebras = CerebrasWireMock.template(socketServer).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			for (ChatCompletionChunk chunk : stream) {
				if (chunk.hasContent()) {
					if (words.isEmpty()) {
						restSentBeforeTheFirstWord.set(held.restSent());
						held.release();
					}
					words.add(chunk.content());
				}
			}
		}

		assertThat(words).hasSize(40);
		// a client that buffered the body would have had no word to give before the server sent all of it
		assertThat(restSentBeforeTheFirstWord).isFalse();
	}

	@Test
	void reactiveStreamDeliversChunksAsTheyArriveAndEndsAtDone() throws Exception {
		HeldStream held = HeldStream.after(CerebrasWireMock.chatStream(CerebrasWireMock.words(30)), 6);
		StringBuilder text = new StringBuilder();
		AtomicBoolean restSentBeforeTheFirstChunk = new AtomicBoolean();
		AtomicReference<ChatCompletionChunk> lastChunk = new AtomicReference<>();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer(held);
				ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(socketServer).build()) {
			cerebras.chat().completions().stream(REQUEST).doOnNext(chunk -> {
				if (lastChunk.get() == null) {
					restSentBeforeTheFirstChunk.set(held.restSent());
					held.release();
				}
				text.append(chunk.content());
				lastChunk.set(chunk);
			}).blockLast(Duration.ofSeconds(10));
		}

		assertThat(text.toString()).startsWith("w0 w1 w2 ").endsWith("w29 ");
		assertThat(restSentBeforeTheFirstChunk).as("the rest of the body was sent before the first chunk arrived")
			.isFalse();
		ChatCompletionChunk last = lastChunk.get();
		assertThat(last.finishReason()).isEqualTo("stop");
		assertThat(last.usage().completionTokens()).isEqualTo(30);
		assertThat(last.timeInfo().created()).isEqualTo(1769729480.0787008);
	}

	@Test
	void textCompletionStreams() {
		stubStream("""
				data: {"id":"c1","object":"text_completion","created":1,"model":"m","system_fingerprint":"f","choices":[{"index":0,"text":"It was"}]}

				data: {"id":"c1","object":"text_completion","created":1,"model":"m","system_fingerprint":"f","choices":[{"index":0,"text":" night.","finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}

				data: [DONE]

				""", "/v1/completions", 1, 0);
		CompletionRequest request = CompletionRequest.builder().model("m").prompt("x").build();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<CompletionChunk> stream = cerebras.completions().stream(request)) {
			assertThat(stream.stream().map(CompletionChunk::text)).containsExactly("It was", " night.");
		}
	}

	@Test
	void errorInsideTheStreamIsTypedByItsStatusCode() {
		String chunks = CerebrasWireMock.chatStream(List.of("a", "b")).replace("data: [DONE]\n\n", "");
		String tooManyTokens = "data: {\"status_code\":429,\"error\":{\"message\":\"Too many tokens\",\"type\":\"rate_limit_error\"}}\n\n";
		stubStream(chunks.substring(0, chunks.indexOf("data:", chunks.indexOf("\"b\""))) + tooManyTokens, 1, 0);
		List<String> received = new ArrayList<>();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> stream.forEach(chunk -> received.add(chunk.content())))
				.satisfies(ex -> {
					assertThat(ex.statusCode()).isEqualTo(429);
					assertThat(ex.inStream()).isTrue();
					assertThat(ex.error().message()).isEqualTo("Too many tokens");
				});
		}
		assertThat(received).containsExactly("", "a", "b");
	}

	@Test
	void serverErrorInsideTheStreamIsAnInternalServerException() {
		stubStream("data: {\"status_code\":500,\"error\":{\"message\":\"boom\"}}\n\n", 1, 0);

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			assertThatExceptionOfType(InternalServerException.class)
				.isThrownBy(() -> cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(5)))
				.withMessageContaining("boom");
		}
	}

	@Test
	void streamCutOffBeforeAnyFinishReasonIsAnErrorNotASilentEnd() {
		String body = CerebrasWireMock.chatStream(List.of("a", "b", "c"));
		stubStream(body.substring(0, body.indexOf("data: {", body.indexOf("\"delta\":{}}"))), 1, 0);
		List<String> received = new ArrayList<>();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			assertThatExceptionOfType(CerebrasStreamInterruptedException.class)
				.isThrownBy(() -> stream.forEach(chunk -> received.add(chunk.content())))
				.withMessageContaining("before data: [DONE] or a finish_reason")
				.satisfies(ex -> assertThat(ex.chunksReceived()).isEqualTo(5));
		}
		assertThat(received).hasSize(5);
	}

	@Test
	void streamThatEndsAfterItsFinishReasonWithoutDoneIsComplete() {
		String body = CerebrasWireMock.chatStream(List.of("a", "b", "c"));
		stubStream(body.substring(0, body.indexOf("data: [DONE]")), 1, 0);
		List<String> received = new ArrayList<>();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			stream.forEach(chunk -> received.add(chunk.content()));
		}
		assertThat(received).containsExactly("", "a", "b", "c", "", "");
	}

	@Test
	void streamCutOffInTheMiddleOfAnEventIsAnError() {
		String body = CerebrasWireMock.chatStream(List.of("a", "b"));
		stubStream(body.substring(0, body.indexOf("\"b\"")), 1, 0);

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			assertThatExceptionOfType(CerebrasStreamInterruptedException.class)
				.isThrownBy(() -> cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(5)))
				.withMessageContaining("middle of an event");
		}
	}

	@Test
	void malformedJsonChunkIsAMalformedResponse() {
		stubStream("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"id\": oops}\n\ndata: [DONE]\n\n", 1, 0);
		List<String> received = new ArrayList<>();

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			assertThatExceptionOfType(CerebrasMalformedResponseException.class)
				.isThrownBy(() -> stream.forEach(chunk -> received.add(chunk.content())))
				.withMessageContaining("not valid JSON");
		}
		assertThat(received).containsExactly("a");
	}

	@Test
	void httpErrorBeforeTheStreamIsThrownOnFirstRead() {
		server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"Wrong API Key\",\"type\":\"invalid_request_error\",\"code\":\"wrong_api_key\"}")));

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			Iterator<ChatCompletionChunk> chunks = stream.iterator();
			assertThatExceptionOfType(AuthenticationException.class).isThrownBy(chunks::hasNext)
				.withMessageContaining("Wrong API Key");
		}
	}

	@Test
	void streamCanBeIteratedOnlyOnce() {
		stubStream(CerebrasWireMock.chatStream(List.of("a")), 1, 0);

		try (CerebrasTemplate cerebras = CerebrasWireMock.template(server).build();
				CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
			stream.forEach(chunk -> { });
			assertThatIllegalStateException().isThrownBy(stream::iterator);
		}
	}

	@Test
	void closingABlockingStreamEarlyFreesTheConnection() throws Exception {
		PoolProbe pool = new PoolProbe();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> {
			if (request == 1) {
				openStream(exchange);
				return;
			}
			String json = CerebrasWireMock.chatCompletion();
			exchange.head("HTTP/1.1 200 OK", "Content-Type: application/json", "Content-Length: " + json.length())
				.write(json.getBytes(StandardCharsets.UTF_8));
		}); CerebrasTemplate cerebras = CerebrasWireMock.template(socketServer).connectionPool(pool.pool()).build()) {
			try (CerebrasStream<ChatCompletionChunk> stream = cerebras.chat().completions().stream(REQUEST)) {
				Iterator<ChatCompletionChunk> chunks = stream.iterator();
				for (int i = 0; i < 3; i++) {
					chunks.next();
				}
				assertThat(pool.metrics().acquiredSize()).isEqualTo(1);
			}
			// the body never ends: only closing the stream can have given the connection back
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			await().atMost(Duration.ofSeconds(3)).until(() -> socketServer.hangUpCount() == 1);

			assertThat(cerebras.chat().completions().create(REQUEST).content()).isNotBlank();
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void cancellingAFluxEarlyFreesTheConnection() throws Exception {
		PoolProbe pool = new PoolProbe();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> openStream(exchange));
				ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(socketServer)
					.connectionPool(pool.pool())
					.build()) {
			List<ChatCompletionChunk> firstThree = cerebras.chat().completions().stream(REQUEST).take(3)
				.collectList().block(Duration.ofSeconds(5));

			assertThat(firstThree).hasSize(3);
			// the body never ends: only the cancellation can have given the connection back
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			await().atMost(Duration.ofSeconds(3)).until(() -> socketServer.hangUpCount() == 1);
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	/** Sends the headers and the first events of a long stream, then nothing more, leaving the body open. */
	static void openStream(ScriptedSocketServer.Exchange exchange) throws Exception {
		exchange.streamHeaders().chunk(CerebrasWireMock.firstEvents(CerebrasWireMock.chatStream(CerebrasWireMock.words(200)), 20));
	}

	private static void stubStream(String body, int chunks, int totalMillis) {
		stubStream(body, "/v1/chat/completions", chunks, totalMillis);
	}

	private static void stubStream(String body, String path, int chunks, int totalMillis) {
		ResponseDefinitionBuilder response = aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
		if (chunks > 1) {
			response.withChunkedDribbleDelay(chunks, totalMillis);
		}
		server.stubFor(post(path).willReturn(response));
	}

}
