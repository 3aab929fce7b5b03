package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.function.UnaryOperator;

import io.github.cerebras4j.client.core.GenerationChunk;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The decoding stage of a call answered with server-sent events: the body's buffers go through a
 * {@link StreamChunkDecoder} one by one, and the chunks come out as they are parsed, only as fast as they are asked
 * for. The chunks complete at {@code data: [DONE]} without waiting for the body to end (the body then finishes in the
 * background so that its connection can be reused), or at the end of the body.
 */
final class EventStreams {

	/** How long the body of a stream may take to end after {@code data: [DONE]} for its connection to be reused. */
	private static final Duration TAIL_GRACE = Duration.ofSeconds(1);

	private EventStreams() {
	}

	/**
	 * Decodes the body of a successful {@code text/event-stream} response.
	 * @param response the response
	 * @param chunkType the type of each event's JSON
	 * @param maxEventBytes the most bytes a line or an event may have
	 * @param scrubber removes the API key from the text of an in-stream error
	 * @param <T> the chunk type
	 * @return the chunks
	 */
	static <T extends GenerationChunk> Flux<T> read(ClientResponse response, Class<T> chunkType, int maxEventBytes,
			UnaryOperator<String> scrubber) {
		StreamChunkDecoder<T> decoder = new StreamChunkDecoder<>(chunkType, response.headers().asHttpHeaders(),
				maxEventBytes, scrubber);
		// Each buffer reaches the decoder, which releases it, or is released if dropped before (BodyPart). A failure
		// of the body travels as an element behind the buffers before it (concatMapIterable drops what it holds for a
		// slow reader when an error signal reaches it).
		Flux<DataBuffer> body = new DrainingBody(response.body(BodyExtractors.toDataBuffers()), decoder::receivedDone,
				TAIL_GRACE);
		return body.map(BodyPart::of)
			.onErrorResume(failure -> Mono.just(BodyPart.failed(failure)))
			.concatWith(Mono.fromSupplier(BodyPart::end))
			.concatMapIterable(part -> part.decode(decoder))
			.takeWhile(item -> item != BodyPart.END)
			.cast(chunkType)
			.doOnDiscard(BodyPart.class, BodyPart::release);
	}

}
