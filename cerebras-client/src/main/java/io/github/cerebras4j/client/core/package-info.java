/**
 * The values every endpoint shares: responses with their status and headers
 * ({@link io.github.cerebras4j.client.core.RawResponse}, {@link io.github.cerebras4j.client.core.StreamResponse}),
 * usage, timing and rate limits, per-request {@link io.github.cerebras4j.client.core.RequestOptions}, and the JSON
 * mapper that reads and writes the API's types.
 */
@NullMarked
package io.github.cerebras4j.client.core;

import org.jspecify.annotations.NullMarked;
