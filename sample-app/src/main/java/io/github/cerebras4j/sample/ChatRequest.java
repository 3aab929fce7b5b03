package io.github.cerebras4j.sample;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/chat}.
 *
 * @param prompt what to ask; must not be blank
 * @param model the model to ask; {@code sample.model} when absent or blank
 */
record ChatRequest(@Nullable String prompt, @Nullable String model) {
}
