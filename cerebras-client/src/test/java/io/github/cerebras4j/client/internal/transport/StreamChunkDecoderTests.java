package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import org.jspecify.annotations.Nullable;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StreamChunkDecoder}: what one buffer decodes to stays what it was while later buffers are
 * decoded, because a slow reader's queue holds it.
 */
class StreamChunkDecoderTests {

	private static final String KEY = "csk-decoder-secret";

	private final StreamChunkDecoder<ChatCompletionChunk> decoder = new StreamChunkDecoder<>(ChatCompletionChunk.class,
			new HttpHeaders(), 1024, (text) -> text.replace(KEY, "[REDACTED]"));

	@Test
	void aBufferWithoutACompleteEventDecodesToNothingForGood() {
		Iterable<ChatCompletionChunk> first = this.decoder.decode(buffer("data: {\"choices\":[{\"delta\":"));
		Iterable<ChatCompletionChunk> second = this.decoder
			.decode(buffer("{\"content\":\"Hel\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"));
		Iterable<ChatCompletionChunk> third = this.decoder.decode(buffer("data: [DONE]\n\n"));

		assertThat(contents(first)).isEmpty();
		assertThat(contents(second)).containsExactly("Hel", "lo");
		assertThat(contents(third)).isEmpty();
	}

	@Test
	void chunksDecodedFromABufferAreNotChangedByTheNextOne() {
		Iterable<ChatCompletionChunk> first = this.decoder
			.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"));
		this.decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n"));

		assertThat(contents(first)).containsExactly("Hel");
	}

	@Test
	void eventsOfALaterBufferDoNotCarryThoseOfAnEarlierOne() {
		assertThat(contents(this.decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}]}\n\n"
				+ "data: {\"choices\":[{\"delta\":{\"content\":\"lo\"}}]}\n\n")))).containsExactly("Hel", "lo");

		Iterable<ChatCompletionChunk> later = this.decoder
			.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"!\"}}]}\n\n"));

		assertThat(contents(later)).containsExactly("!");
	}

	@Test
	void aLargeBufferIsParsedAtOnceAndKeepsItsPlaceBetweenOthers() {
		StreamChunkDecoder<ChatCompletionChunk> decoder = new StreamChunkDecoder<>(ChatCompletionChunk.class,
				new HttpHeaders(), 64 * 1024, (text) -> text);
		String event = "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n";
		Iterable<ChatCompletionChunk> small = decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":"
				+ "\"first\"}}]}\n\n"));
		Iterable<ChatCompletionChunk> large = decoder.decode(buffer(event.repeat(1_000)));
		Iterable<ChatCompletionChunk> after = decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":"
				+ "\"last\"}}]}\n\n"));

		assertThat(contents(small)).containsExactly("first");
		assertThat(contents(large)).hasSize(1_000).containsOnly("x");
		assertThat(contents(after)).containsExactly("last");
	}

	@Test
	void aFailureOfTheBodyIsThrownWhenItsTurnComes() {
		Iterable<ChatCompletionChunk> failure = StreamChunkDecoder
			.failure(new CerebrasStreamInterruptedException("reset", 1, null));

		assertThatExceptionOfType(CerebrasStreamInterruptedException.class)
			.isThrownBy(() -> failure.iterator().hasNext())
			.withMessage("reset");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "data: {\"status_code\":500,\"error\":{\"message\":\"boom\"}}\n\n",
			"data: {\"choices\":[{\"delta\":\n\n", "event: error\ndata: {\"message\":\"boom\"}\n\n" })
	void bufferWhoseFirstEventFailsIsReleasedOnceAndTheFailureTravelsInTheResult(String event) {
		NettyDataBuffer buffer = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT)
			.wrap(Unpooled.copiedBuffer(event, StandardCharsets.UTF_8));

		Iterable<ChatCompletionChunk> result = this.decoder.decode(buffer);

		assertThat(buffer.getNativeBuffer().refCnt()).isZero();
		assertThatExceptionOfType(CerebrasException.class).isThrownBy(() -> result.iterator().hasNext());
		assertThat(this.decoder.receivedDone()).isFalse();
		// after a failure the decoder reads nothing more, and still releases what it is given
		NettyDataBuffer after = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT)
			.wrap(Unpooled.copiedBuffer("data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}\n\n",
					StandardCharsets.UTF_8));
		assertThat(contents(this.decoder.decode(after))).isEmpty();
		assertThat(after.getNativeBuffer().refCnt()).isZero();
	}

	@Test
	void doneEndsDecodingAndWhatFollowsIsReleasedUnread() {
		Iterable<ChatCompletionChunk> last = this.decoder
			.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n"
					+ "data: {\"choices\":[{\"delta\":{\"content\":\"late\"}}]}\n\n"));
		NettyDataBuffer after = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT)
			.wrap(Unpooled.copiedBuffer("data: {\"choices\":[]}\n\n", StandardCharsets.UTF_8));

		assertThat(contents(last)).containsExactly("Hi");
		assertThat(this.decoder.receivedDone()).isTrue();
		assertThat(contents(this.decoder.decode(after))).isEmpty();
		assertThat(after.getNativeBuffer().refCnt()).isZero();
		assertThat(this.decoder.finish()).isEmpty();
	}

	@Test
	void bodyThatEndsAfterAFinishReasonIsComplete() {
		contents(this.decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
				+ "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n")));

		assertThat(this.decoder.finish()).isEmpty();
	}

	@Test
	void eventsAreParsedByTheThreadThatIteratesThem() throws InterruptedException {
		StreamChunkDecoder<ThreadChunk> threads = new StreamChunkDecoder<>(ThreadChunk.class, new HttpHeaders(), 1024,
				(text) -> text);
		List<Iterable<ThreadChunk>> decoded = new ArrayList<>();
		Thread network = new Thread(() -> decoded.add(threads.decode(buffer("data: {}\n\ndata: {}\n\n"))), "network");
		network.start();
		network.join();

		List<String> parsedOn = new ArrayList<>();
		decoded.get(0).forEach((chunk) -> parsedOn.add(chunk.parsedOn));

		assertThat(parsedOn).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName());
	}

	@Test
	void bodyThatEndsBeforeAnyFinishReasonIsInterrupted() {
		this.decoder.decode(buffer("data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"));

		Iterable<ChatCompletionChunk> end = this.decoder.finish();

		assertThatExceptionOfType(CerebrasStreamInterruptedException.class).isThrownBy(() -> end.iterator().hasNext())
			.withMessageContaining("before data: [DONE] or a finish_reason, after 1 events");
	}

	@Test
	void eventLongerThanTheLimitFailsAsMalformed() {
		Iterable<ChatCompletionChunk> result = this.decoder.decode(buffer("data: " + "x".repeat(2000)));

		assertThatExceptionOfType(CerebrasMalformedResponseException.class).isThrownBy(() -> result.iterator().hasNext())
			.withMessageContaining("longer than 1024 bytes");
	}

	@Test
	void textOfFailedEventsIsScrubbedOfTheKey() {
		Iterable<ChatCompletionChunk> malformed = new StreamChunkDecoder<>(ChatCompletionChunk.class, new HttpHeaders(),
				1024, (text) -> text.replace(KEY, "[REDACTED]"))
			.decode(buffer("data: {\"echo\":\"" + KEY + "\",\n\n"));
		Iterable<ChatCompletionChunk> error = this.decoder
			.decode(buffer("data: {\"status_code\":401,\"error\":{\"message\":\"bad key " + KEY + "\"}}\n\n"));

		assertThatExceptionOfType(CerebrasMalformedResponseException.class)
			.isThrownBy(() -> malformed.iterator().hasNext())
			.satisfies(ex -> assertThat(ex.getMessage() + ex.excerpt()).doesNotContain(KEY).contains("[REDACTED]"));
		assertThatExceptionOfType(CerebrasApiException.class).isThrownBy(() -> error.iterator().hasNext())
			.satisfies(ex -> assertThat(ex.getMessage() + ex.body() + ex.error()).doesNotContain(KEY).contains("[REDACTED]"));
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> contents(Iterable<ChatCompletionChunk> chunks) {
		List<String> contents = new ArrayList<>();
		chunks.forEach((chunk) -> contents.add(chunk.content()));
		return contents;
	}

	/** A chunk that remembers the thread that parsed it. */
	static final class ThreadChunk implements GenerationChunk {

		final String parsedOn = Thread.currentThread().getName();

		@JsonAnySetter
		final Map<String, Object> extra = new HashMap<>();

		@Override
		public String generatedText() {
			return "";
		}

		@Override
		public boolean hasContent() {
			return false;
		}

		@Override
		public boolean finishesAChoice() {
			return false;
		}

		@Override
		public @Nullable String model() {
			return null;
		}

		@Override
		public @Nullable Usage usage() {
			return null;
		}

		@Override
		public @Nullable TimeInfo timeInfo() {
			return null;
		}

		@Override
		public Map<String, Object> extra() {
			return this.extra;
		}

	}

}
