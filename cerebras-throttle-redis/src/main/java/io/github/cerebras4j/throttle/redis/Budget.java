package io.github.cerebras4j.throttle.redis;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import org.jspecify.annotations.Nullable;

/**
 * One of a model's six budgets, requests or tokens of one window, in the order the Redis script numbers them:
 * requests per minute, hour and day, then tokens per minute, hour and day.
 *
 * @param tokens whether the budget counts tokens rather than requests
 * @param window the window
 */
record Budget(boolean tokens, Window window) {

	/** Every budget a model may have, in the script's order. */
	static final List<Budget> ALL = Stream.of(false, true)
		.flatMap((tokens) -> Stream.of(Window.MINUTE, Window.HOUR, Window.DAY)
			.map((window) -> new Budget(tokens, window)))
		.toList();

	/** Names the budget for messages, as the local store does: {@code tokens per minute}. */
	String describe() {
		return (this.tokens ? "tokens" : "requests") + " per " + this.window.name().toLowerCase(Locale.ROOT);
	}

	long amountOf(Cost cost) {
		return this.tokens ? cost.tokens() : cost.requests();
	}

	@Nullable Long initialLimit(BudgetLimits limits) {
		return (this.tokens ? limits.tokens() : limits.requests()).get(this.window);
	}

	RateLimits.@Nullable Bucket reportedIn(RateLimits limits) {
		return this.tokens ? limits.tokens(this.window) : limits.requests(this.window);
	}

}
