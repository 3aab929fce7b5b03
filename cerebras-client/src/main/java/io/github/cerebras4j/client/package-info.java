/**
 * The Cerebras Cloud inference API client: {@link io.github.cerebras4j.client.CerebrasTemplate} (blocking),
 * {@link io.github.cerebras4j.client.ReactiveCerebrasTemplate} (Mono and Flux), their builder, and the values
 * shared by every endpoint (usage, timing, rate limits).
 */
@NullMarked
package io.github.cerebras4j.client;

import org.jspecify.annotations.NullMarked;
