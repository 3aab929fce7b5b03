package io.github.cerebras4j.client.throttle;

import org.jspecify.annotations.Nullable;

/**
 * What is left of a model's budgets as a store last saw them: the smallest remainder over the windows it knows, for
 * requests and for tokens.
 *
 * @param requests the requests left, or {@code null} when no request budget is known
 * @param tokens the tokens left, or {@code null} when no token budget is known
 */
public record Remaining(@Nullable Long requests, @Nullable Long tokens) {
}
