/**
 * The entry points of the Cerebras Cloud inference API client: {@link io.github.cerebras4j.client.CerebrasTemplate}
 * (blocking), {@link io.github.cerebras4j.client.ReactiveCerebrasTemplate} (Mono and Flux), their builder, the
 * resources they return ({@link io.github.cerebras4j.client.Generations} for chat and text completions,
 * {@link io.github.cerebras4j.client.Models}, and their reactive twins) and {@link io.github.cerebras4j.client.CerebrasStream}.
 * The values every endpoint shares are in {@code io.github.cerebras4j.client.core}.
 */
@NullMarked
package io.github.cerebras4j.client;

import org.jspecify.annotations.NullMarked;
