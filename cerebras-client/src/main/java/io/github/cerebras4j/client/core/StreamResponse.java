package io.github.cerebras4j.client.core;

import java.time.Duration;

import io.github.cerebras4j.client.core.ResponseMetadata;
import reactor.core.publisher.Flux;

/**
 * A streamed response whose status and headers arrived, as the reactive {@code withRawResponse().stream(..)}
 * returns it: the metadata is known before the first chunk is read.
 *
 * <p>The response and its chunks are one exchange. The chunks are read from the network only as fast as their
 * subscriber asks for them, and they can be subscribed to once: a second subscriber gets an
 * {@link IllegalStateException}. Cancelling the chunks closes the exchange and frees its connection. Chunks that
 * nobody subscribes to within {@link #SUBSCRIBE_GRACE_PERIOD} (10 s) of the response free it too: the exchange is
 * cancelled, and a later subscriber gets an {@link IllegalStateException} saying so. Subscribe to the chunks as soon
 * as you have the response, for example with {@code flatMapMany(StreamResponse::chunks)}.
 *
 * @param metadata the status, headers and retries of the response
 * @param chunks the chunks, to subscribe to once; cancelling closes the exchange
 * @param <T> the chunk type
 */
public record StreamResponse<T>(ResponseMetadata metadata, Flux<T> chunks) {

	/**
	 * How long the chunks of a response wait for their subscriber, from the moment the response is emitted; after
	 * that the exchange is cancelled so that a response nobody reads does not hold a connection until the server is
	 * done writing.
	 */
	public static final Duration SUBSCRIBE_GRACE_PERIOD = Duration.ofSeconds(10);

}
