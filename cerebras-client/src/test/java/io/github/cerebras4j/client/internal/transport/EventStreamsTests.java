package io.github.cerebras4j.client.internal.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.RateLimitException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EventStreams} alone, on {@link ClientResponse}s whose bodies are Netty buffers built in memory: events split
 * across buffers decode into chat chunks in order, the chunks complete at {@code data: [DONE]} while the body stays
 * open, an error event is the typed exception, a failure of the body comes after the chunks before it, and the body is
 * read only as fast as chunks are asked for, every buffer released.
 */
class EventStreamsTests {

	private static final String KEY = "csk-events-secret";

	/** No test waits for it: a guard against a stream that never ends, not a timing assertion. */
	private static final Duration GUARD = Duration.ofSeconds(10);

	private final NettyDataBufferFactory factory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final List<ByteBuf> sent = new ArrayList<>();

	@Test
	void eventsSplitAcrossBuffersDecodeIntoChunksInOrder() {
		String events = event("Hel") + event("lo") + event("!") + "data: [DONE]\n\n";
		Flux<DataBuffer> body = Flux.just(events.substring(0, 25), events.substring(25, 200), events.substring(200))
			.map(this::buffer);

		StepVerifier.create(read(body))
			.assertNext(chunk -> {
				assertThat(chunk.content()).isEqualTo("Hel");
				assertThat(chunk.id()).isEqualTo("chatcmpl-1");
				assertThat(chunk.model()).isEqualTo("llama3.1-8b");
			})
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("lo"))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("!"))
			.expectComplete()
			.verify(GUARD);
		assertReleased();
	}

	@Test
	void chunksCompleteAtDoneWhileTheBodyStaysOpen() {
		Sinks.Many<DataBuffer> body = Sinks.many().unicast().onBackpressureBuffer();
		body.tryEmitNext(buffer(event("Hi") + "data: [DONE]\n\n"));

		StepVerifier.create(read(body.asFlux()))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectComplete()
			.verify(GUARD);
		assertReleased();
	}

	@Test
	void errorEventIsTheTypedExceptionScrubbedOfTheKey() {
		Flux<DataBuffer> body = Flux.just(event("Hel"),
				"data: {\"status_code\":429,\"error\":{\"message\":\"Too many tokens for " + KEY
						+ "\",\"type\":\"rate_limit_error\"}}\n\n")
			.map(this::buffer);

		StepVerifier.create(read(body))
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("Hel"))
			.expectErrorSatisfies(ex -> {
				assertThat(ex).isInstanceOf(RateLimitException.class);
				CerebrasApiException api = (CerebrasApiException) ex;
				assertThat(api.inStream()).isTrue();
				assertThat(api.statusCode()).isEqualTo(429);
				assertThat(api.headers().getFirst("x-request-id")).isEqualTo("req-1");
				assertThat(api.error().message()).isEqualTo("Too many tokens for [REDACTED]");
				assertThat(api.body()).doesNotContain(KEY);
			})
			.verify(GUARD);
		assertReleased();
	}

	@Test
	void failureOfTheBodyComesAfterTheChunksReceivedBeforeIt() {
		IOException reset = new IOException("Connection reset by peer");
		TestPublisher<DataBuffer> body = TestPublisher.create();

		// the failure arrives while "b" and "c" wait for a slow reader: it must not overtake them
		StepVerifier.create(read(body.flux()), 0)
			.then(() -> body.next(buffer(event("a") + event("b")), buffer(event("c"))))
			.thenRequest(1)
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("a"))
			.then(() -> body.error(reset))
			.thenRequest(1)
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("b"))
			.thenRequest(1)
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("c"))
			.thenRequest(1)
			.expectErrorSatisfies(ex -> assertThat(ex).isSameAs(reset))
			.verify(GUARD);
		assertReleased();
	}

	@Test
	void chunksComeOnlyAsAskedForAndWhatWasReadAheadIsReleasedOnCancel() {
		TestPublisher<DataBuffer> body = TestPublisher.create();

		// the body is read ahead by a bounded prefetch, never requested without bound; no chunk comes before it is
		// asked for (StepVerifier fails on a request overflow), and the buffers read ahead are released on cancel
		StepVerifier.create(read(body.flux()), 0)
			.then(() -> body.assertMaxRequested(256))
			.then(() -> body.next(buffer(event("t0")), buffer(event("t1")), buffer(event("t2"))))
			.thenRequest(1)
			.assertNext(chunk -> assertThat(chunk.content()).isEqualTo("t0"))
			.thenCancel()
			.verify(GUARD);
		body.assertCancelled();
		assertReleased();
	}

	private Flux<ChatCompletionChunk> read(Flux<DataBuffer> body) {
		ClientResponse response = ClientResponse.create(HttpStatus.OK)
			.header("Content-Type", "text/event-stream;charset=utf-8")
			.header("x-request-id", "req-1")
			.body(body)
			.build();
		return EventStreams.read(response, ChatCompletionChunk.class, 64 * 1024, new Secret(KEY)::scrub);
	}

	/** A chat chunk event as the API sends it. */
	private static String event(String content) {
		return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,"
				+ "\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{\"content\":\"" + content + "\"}}]}\n\n";
	}

	private DataBuffer buffer(String text) {
		ByteBuf buffer = Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
		this.sent.add(buffer);
		return this.factory.wrap(buffer);
	}

	private void assertReleased() {
		assertThat(this.sent).isNotEmpty().allSatisfy(buffer -> assertThat(buffer.refCnt()).isZero());
	}

}
