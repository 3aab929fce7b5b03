package io.github.cerebras4j.client.throttle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.github.cerebras4j.client.core.RateLimits.Window;
import org.springframework.util.Assert;

/**
 * Budgets known before the server reports any, applied to every model until its responses' headers say otherwise:
 * how many requests and tokens each window allows. Without them a store learns the budgets from the first responses.
 *
 * @param requests requests allowed, by window
 * @param tokens tokens allowed, by window
 */
public record BudgetLimits(Map<Window, Long> requests, Map<Window, Long> tokens) {

	/**
	 * No budget known in advance.
	 */
	public static final BudgetLimits NONE = new BudgetLimits(Map.of(), Map.of());

	/**
	 * Checks and copies the limits.
	 * @param requests requests allowed, by window, each at least 1
	 * @param tokens tokens allowed, by window, each at least 1
	 */
	public BudgetLimits {
		requests = copy("requests", requests);
		tokens = copy("tokens", tokens);
	}

	/**
	 * Returns these limits with one more request limit.
	 * @param window the window
	 * @param limit the requests it allows, at least 1
	 * @return the limits
	 */
	public BudgetLimits withRequests(Window window, long limit) {
		Map<Window, Long> more = new EnumMap<>(Window.class);
		more.putAll(this.requests);
		more.put(window, limit);
		return new BudgetLimits(more, this.tokens);
	}

	/**
	 * Returns these limits with one more token limit.
	 * @param window the window
	 * @param limit the tokens it allows, at least 1
	 * @return the limits
	 */
	public BudgetLimits withTokens(Window window, long limit) {
		Map<Window, Long> more = new EnumMap<>(Window.class);
		more.putAll(this.tokens);
		more.put(window, limit);
		return new BudgetLimits(this.requests, more);
	}

	private static Map<Window, Long> copy(String what, Map<Window, Long> limits) {
		Assert.notNull(limits, () -> "'" + what + "' must not be null");
		if (limits.isEmpty()) {
			return Map.of();
		}
		limits.forEach((window, limit) -> Assert.isTrue(window != null && limit != null && limit >= 1,
				() -> "A limit of " + what + " per " + window + " must be at least 1, not " + limit));
		return Collections.unmodifiableMap(new EnumMap<>(limits));
	}

}
