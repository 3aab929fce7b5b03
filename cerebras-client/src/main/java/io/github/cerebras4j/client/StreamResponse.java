package io.github.cerebras4j.client;

import reactor.core.publisher.Flux;

/**
 * A streamed response whose status and headers arrived, as the reactive {@code withRawResponse().stream(..)}
 * returns it: the metadata is known before the first chunk is read.
 *
 * @param metadata the status, headers and retries of the response
 * @param chunks the chunks, to subscribe to once; cancelling closes the exchange
 * @param <T> the chunk type
 */
public record StreamResponse<T>(ResponseMetadata metadata, Flux<T> chunks) {
}
