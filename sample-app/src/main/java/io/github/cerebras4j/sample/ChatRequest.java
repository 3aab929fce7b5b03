package io.github.cerebras4j.sample;

import org.jspecify.annotations.Nullable;

/**
 * The JSON body of {@code POST /api/chat} and {@code POST /api/chat/stream}.
 *
 * @param prompt what to ask; must not be blank
 * @param model the model to ask: {@code sample.model} when absent or blank, else {@code sample.model} or one that
 * Cerebras lists (see {@link ModelCatalog})
 */
record ChatRequest(@Nullable String prompt, @Nullable String model) {
}
