package io.github.cerebras4j.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.error.CerebrasStreamInterruptedException;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StreamChunkDecoder}: what one buffer decodes to stays what it was while later buffers are
 * decoded, because a slow reader's queue holds it.
 */
class StreamChunkDecoderTests {

	private final StreamChunkDecoder<ChatCompletionChunk> decoder = new StreamChunkDecoder<>(ChatCompletionChunk.class,
			new HttpHeaders());

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
	void aFailureOfTheBodyIsThrownWhenItsTurnComes() {
		Iterable<ChatCompletionChunk> failure = StreamChunkDecoder
			.failure(new CerebrasStreamInterruptedException("reset", 1, null));

		assertThatExceptionOfType(CerebrasStreamInterruptedException.class)
			.isThrownBy(() -> failure.iterator().hasNext())
			.withMessage("reset");
	}

	private static DataBuffer buffer(String text) {
		return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<String> contents(Iterable<ChatCompletionChunk> chunks) {
		List<String> contents = new ArrayList<>();
		chunks.forEach((chunk) -> contents.add(chunk.content()));
		return contents;
	}

}
