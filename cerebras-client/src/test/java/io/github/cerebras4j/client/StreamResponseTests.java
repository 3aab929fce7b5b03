package io.github.cerebras4j.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.StreamResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reactive {@code withRawResponse().stream(..)}: its chunks are read from the network only as fast as their
 * subscriber asks, cancelling them closes the exchange, chunks nobody subscribes to give their connection back
 * after {@link StreamResponse#SUBSCRIBE_GRACE_PERIOD}, and they can be subscribed to only once.
 */
class StreamResponseTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Count.")
		.build();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	@Test
	void slowSubscriberGetsEveryChunkInOrderWhileTheBodyIsReadOnlyAsFastAsItAsks() {
		// one server-sent event per buffer, so the buffers read tell how far ahead of the subscriber upstream runs
		List<String> words = CerebrasWireMock.words(5000);
		List<String> events = Arrays.asList(CerebrasWireMock.chatStream(words).split("(?<=\n\n)"));
		AtomicLong buffersRead = new AtomicLong();
		AtomicBoolean subscribed = new AtomicBoolean();
		// like a network body, it can be read once (WebClient subscribes again to release what was not read)
		Flux<DataBuffer> body = Flux.defer(() -> subscribed.compareAndSet(false, true) ? Flux.fromIterable(events)
			.<DataBuffer>map(event -> DefaultDataBufferFactory.sharedInstance.wrap(event.getBytes(StandardCharsets.UTF_8)))
			.doOnNext(buffer -> buffersRead.incrementAndGet()) : Flux.empty());
		WebClient.Builder answering = WebClient.builder()
			.filter((request, next) -> Mono.just(ClientResponse.create(HttpStatus.OK)
				.header(HttpHeaders.CONTENT_TYPE, "text/event-stream")
				.header("x-request-id", "req-7")
				.body(body)
				.build()));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).webClientBuilder(answering).build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);
			long readBeforeSubscribing = buffersRead.get();
			OneAtATime slow = new OneAtATime(buffersRead);
			response.chunks().subscribe(slow);

			assertThat(slow.done).succeedsWithin(TIMEOUT);
			assertThat(response.metadata().headers().getFirst("x-request-id")).isEqualTo("req-7");
			assertThat(slow.received.stream().filter(ChatCompletionChunk::hasContent).map(ChatCompletionChunk::content))
				.containsExactlyElementsOf(words);
			assertThat(slow.received.get(slow.received.size() - 1).finishReason()).isEqualTo("stop");
			// the decoder reads ahead by its prefetch (a few hundred buffers at most), never the whole body
			assertThat(readBeforeSubscribing).as("buffers read before the chunks were subscribed").isLessThan(1024);
			assertThat(slow.mostAhead).as("most buffers read ahead of the subscriber").isLessThan(1024);
			assertThat(buffersRead).hasValue(events.size());
		}
	}

	@Test
	void slowSubscriberOverHttpGetsEveryChunkInOrder() {
		List<String> words = CerebrasWireMock.words(50);
		stubStream(CerebrasWireMock.chatStream(words), 10, 200);

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);
			StepVerifier.Step<ChatCompletionChunk> step = StepVerifier.create(response.chunks(), 0)
				.thenRequest(1)
				.assertNext(chunk -> assertThat(chunk.hasContent()).isFalse());
			for (String word : words) {
				step = step.thenRequest(1).assertNext(chunk -> assertThat(chunk.content()).isEqualTo(word));
			}
			step.thenRequest(1)
				.assertNext(chunk -> assertThat(chunk.hasContent()).isFalse())
				.thenRequest(1)
				.assertNext(chunk -> assertThat(chunk.finishReason()).isEqualTo("stop"))
				.thenRequest(1)
				.verifyComplete();
		}
	}

	@Test
	void chunksSubscribedToInTheSamePipelineArriveInOrder() {
		List<String> words = CerebrasWireMock.words(20);
		stubStream(CerebrasWireMock.chatStream(words), 1, 0);

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			// the chunks are subscribed to on the event loop, while the response's first chunk is being delivered
			Flux<String> text = cerebras.chat().completions().withRawResponse().stream(REQUEST)
				.flatMapMany(StreamResponse::chunks)
				.filter(ChatCompletionChunk::hasContent)
				.map(ChatCompletionChunk::content);

			StepVerifier.create(text).expectNextSequence(words).verifyComplete();
		}
	}

	@Test
	void cancellingTheChunksAfterTheHeadersFreesTheConnection() throws Exception {
		PoolProbe pool = new PoolProbe();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> StreamingTests.openStream(exchange));
				ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(socketServer)
					.connectionPool(pool.pool())
					.build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);
			assertThat(pool.metrics().acquiredSize()).isEqualTo(1);

			StepVerifier.create(response.chunks(), 0).thenRequest(2).expectNextCount(2).thenCancel().verify(TIMEOUT);

			// the body never ends: only the cancellation can have given the connection back
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			await().atMost(Duration.ofSeconds(3)).until(() -> socketServer.hangUpCount() == 1);
			assertThat(pool.metrics().pendingAcquireSize()).isZero();
		}
		finally {
			pool.dispose();
		}
	}

	@Test
	void chunksNeverSubscribedToGiveTheConnectionBackAfterTheGracePeriod() throws Exception {
		PoolProbe pool = new PoolProbe();
		VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();

		try (ScriptedSocketServer socketServer = new ScriptedSocketServer((request, exchange) -> StreamingTests.openStream(exchange));
				ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(socketServer)
					.connectionPool(pool.pool())
					.build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);

			clock.advanceTimeBy(StreamResponse.SUBSCRIBE_GRACE_PERIOD.minusMillis(1));
			assertThat(pool.metrics().acquiredSize()).as("acquired within the grace period").isEqualTo(1);
			clock.advanceTimeBy(Duration.ofMillis(1));

			// the body never ends: only the expired grace period can have given the connection back
			await().atMost(Duration.ofSeconds(3)).until(() -> pool.metrics().acquiredSize() == 0);
			await().atMost(Duration.ofSeconds(3)).until(() -> socketServer.hangUpCount() == 1);
			StepVerifier.create(response.chunks())
				.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("not subscribed to within 10 s"))
				.verify(TIMEOUT);
		}
		finally {
			VirtualTimeScheduler.reset();
			pool.dispose();
		}
	}

	@Test
	void chunksCanBeSubscribedToOnlyOnce() {
		stubStream(CerebrasWireMock.chatStream(CerebrasWireMock.words(3)), 1, 0);

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);

			StepVerifier.create(response.chunks().filter(ChatCompletionChunk::hasContent).map(ChatCompletionChunk::content))
				.expectNext("w0 ", "w1 ", "w2 ")
				.verifyComplete();
			StepVerifier.create(response.chunks())
				.expectErrorSatisfies(ex -> assertThat(ex).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("StreamResponse")
					.hasMessageContaining("only once"))
				.verify(TIMEOUT);
		}
	}

	@Test
	void streamWithoutChunksStillGivesItsResponse() {
		server.stubFor(post("/v1/chat/completions").willReturn(eventStream("data: [DONE]\n\n").withHeader("x-request-id", "req-0")));

		try (ReactiveCerebrasTemplate cerebras = CerebrasWireMock.reactive(server).build()) {
			StreamResponse<ChatCompletionChunk> response = cerebras.chat().completions().withRawResponse()
				.stream(REQUEST).block(TIMEOUT);

			assertThat(response.metadata().headers().getFirst("x-request-id")).isEqualTo("req-0");
			StepVerifier.create(response.chunks()).verifyComplete();
		}
	}

	private static void stubStream(String body, int chunks, int totalMillis) {
		ResponseDefinitionBuilder response = eventStream(body);
		if (chunks > 1) {
			response.withChunkedDribbleDelay(chunks, totalMillis);
		}
		server.stubFor(post("/v1/chat/completions").willReturn(response));
	}

	private static ResponseDefinitionBuilder eventStream(String body) {
		return aResponse().withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	/**
	 * Asks for one chunk at a time, the next only once it has the previous one, and notes how far ahead of it the
	 * body was read.
	 */
	private static final class OneAtATime extends BaseSubscriber<ChatCompletionChunk> {

		private final AtomicLong buffersRead;

		private final List<ChatCompletionChunk> received = new ArrayList<>();

		private final CompletableFuture<Boolean> done = new CompletableFuture<>();

		private long mostAhead;

		OneAtATime(AtomicLong buffersRead) {
			this.buffersRead = buffersRead;
		}

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			request(1);
		}

		@Override
		protected void hookOnNext(ChatCompletionChunk chunk) {
			this.received.add(chunk);
			this.mostAhead = Math.max(this.mostAhead, this.buffersRead.get() - this.received.size());
			request(1);
		}

		@Override
		protected void hookOnComplete() {
			this.done.complete(true);
		}

		@Override
		protected void hookOnError(Throwable ex) {
			this.done.completeExceptionally(ex);
		}

	}

}
