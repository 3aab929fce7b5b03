package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import org.jspecify.annotations.Nullable;

/**
 * One of a model's six budgets, requests or tokens of one window, and its Redis key: for example
 * {@code cerebras:throttle:{llama3.1-8b}:tokens:minute}. The model is a Redis Cluster hash tag, so that one model's
 * buckets live in one slot.
 *
 * @param tokens whether the budget counts tokens rather than requests
 * @param window the window
 */
record Budget(boolean tokens, Window window) {

	/** Every budget a model may have, requests first. */
	static final List<Budget> ALL = Stream.of(false, true)
		.flatMap((tokens) -> Stream.of(Window.values()).map((window) -> new Budget(tokens, window)))
		.toList();

	/** The budgets of tokens, which usage corrects. */
	static final List<Budget> TOKENS = ALL.stream().filter(Budget::tokens).toList();

	String key(String prefix, String model) {
		return prefix + "{" + model + "}:" + resource() + ":" + window().name().toLowerCase(Locale.ROOT);
	}

	/** Names the budget for messages, as the local store does: {@code tokens per minute}. */
	String describe() {
		return resource() + " per " + window().name().toLowerCase(Locale.ROOT);
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

	Duration nominalLength() {
		return switch (this.window) {
			case MINUTE -> Duration.ofMinutes(1);
			case HOUR -> Duration.ofHours(1);
			case DAY -> Duration.ofDays(1);
		};
	}

	private String resource() {
		return this.tokens ? "tokens" : "requests";
	}

}
