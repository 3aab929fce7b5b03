package io.github.cerebras4j.test;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A rate-limit budget for {@link CerebrasMockServer#rateLimit(RateLimit)}: how many requests fit in the request
 * window, how many tokens fit in the token window, and how many completion tokens a request reserves when it sets no
 * {@code max_completion_tokens} ({@code max_tokens} for text completions). The windows may be scaled down to
 * seconds, so that a simulation runs several of them quickly; the rate-limit headers keep their names
 * ({@code x-ratelimit-*-requests-day} for the request window, {@code x-ratelimit-*-tokens-minute} for the token
 * window) whatever the windows' lengths.
 * <pre>{@code
 * RateLimit limit = RateLimit.builder()
 *     .requests(30, Duration.ofSeconds(2))
 *     .tokens(6_000, Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 * Unset, the builder has the free tier's limits, which the server's headers count down from when no budget is
 * enforced: {@value #FREE_TIER_REQUESTS_PER_DAY} requests a day and {@value #FREE_TIER_TOKENS_PER_MINUTE} tokens a
 * minute.
 */
public final class RateLimit {

	/** The free tier's requests per day. */
	public static final long FREE_TIER_REQUESTS_PER_DAY = RateLimitHeaders.REQUESTS_PER_DAY;

	/** The free tier's tokens per minute. */
	public static final long FREE_TIER_TOKENS_PER_MINUTE = RateLimitHeaders.TOKENS_PER_MINUTE;

	/**
	 * The completion tokens reserved for a request that sets no maximum, unless
	 * {@link Builder#defaultMaxCompletionTokens(int)} says otherwise: more than any unscripted answer of the
	 * simulator takes (a few dozen tokens), so the refund shows, and little enough that a budget scaled down to a
	 * few thousand tokens still admits such requests.
	 */
	public static final int DEFAULT_MAX_COMPLETION_TOKENS = 1024;

	private final long requests;

	private final Duration requestWindow;

	private final long tokens;

	private final Duration tokenWindow;

	private final int defaultMaxCompletionTokens;

	private RateLimit(Builder builder) {
		this.requests = builder.requests;
		this.requestWindow = builder.requestWindow;
		this.tokens = builder.tokens;
		this.tokenWindow = builder.tokenWindow;
		this.defaultMaxCompletionTokens = builder.defaultMaxCompletionTokens;
	}

	/**
	 * Returns a budget of requests and tokens per window, both counted in windows of the same length.
	 * @param requests the requests admitted per window, 0 or more
	 * @param tokens the tokens admitted per window, 0 or more
	 * @param window the length of the windows, at least a millisecond
	 * @return the budget
	 */
	public static RateLimit of(long requests, long tokens, Duration window) {
		return builder().requests(requests, window).tokens(tokens, window).build();
	}

	/**
	 * Returns a budget of requests and tokens per minute.
	 * @param requestsPerMinute the requests admitted per minute
	 * @param tokensPerMinute the tokens admitted per minute
	 * @return the budget
	 */
	public static RateLimit perMinute(long requestsPerMinute, long tokensPerMinute) {
		return of(requestsPerMinute, tokensPerMinute, Duration.ofMinutes(1));
	}

	/**
	 * Returns a builder with the free tier's limits.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder with this budget's values.
	 * @return the builder
	 */
	public Builder toBuilder() {
		return new Builder().requests(this.requests, this.requestWindow)
			.tokens(this.tokens, this.tokenWindow)
			.defaultMaxCompletionTokens(this.defaultMaxCompletionTokens);
	}

	/**
	 * Returns the requests admitted per request window.
	 * @return the limit, the value of {@code x-ratelimit-limit-requests-day}
	 */
	public long requests() {
		return this.requests;
	}

	/**
	 * Returns the length of the request window.
	 * @return the window
	 */
	public Duration requestWindow() {
		return this.requestWindow;
	}

	/**
	 * Returns the tokens admitted per token window.
	 * @return the limit, the value of {@code x-ratelimit-limit-tokens-minute}
	 */
	public long tokens() {
		return this.tokens;
	}

	/**
	 * Returns the length of the token window.
	 * @return the window
	 */
	public Duration tokenWindow() {
		return this.tokenWindow;
	}

	/**
	 * Returns the completion tokens reserved for a request that sets no maximum.
	 * @return the tokens
	 */
	public int defaultMaxCompletionTokens() {
		return this.defaultMaxCompletionTokens;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof RateLimit that && this.requests == that.requests
				&& this.requestWindow.equals(that.requestWindow) && this.tokens == that.tokens
				&& this.tokenWindow.equals(that.tokenWindow)
				&& this.defaultMaxCompletionTokens == that.defaultMaxCompletionTokens;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.requests, this.requestWindow, this.tokens, this.tokenWindow,
				this.defaultMaxCompletionTokens);
	}

	@Override
	public String toString() {
		return "RateLimit[" + this.requests + " requests per " + this.requestWindow + ", " + this.tokens
				+ " tokens per " + this.tokenWindow + ", defaultMaxCompletionTokens=" + this.defaultMaxCompletionTokens
				+ "]";
	}

	/**
	 * Builds a {@link RateLimit}; starts from the free tier's limits.
	 */
	public static final class Builder {

		private long requests = FREE_TIER_REQUESTS_PER_DAY;

		private Duration requestWindow = Duration.ofDays(1);

		private long tokens = FREE_TIER_TOKENS_PER_MINUTE;

		private Duration tokenWindow = Duration.ofMinutes(1);

		private int defaultMaxCompletionTokens = DEFAULT_MAX_COMPLETION_TOKENS;

		private Builder() {
		}

		/**
		 * Sets the requests admitted per window, whatever their tokens. Default: 14,400 a day.
		 * @param requests the limit, 0 or more
		 * @param window the length of the window, at least a millisecond
		 * @return this builder
		 */
		public Builder requests(long requests, Duration window) {
			Assert.isTrue(requests >= 0, () -> "requests must not be negative, was " + requests);
			this.requestWindow = checkWindow(window);
			this.requests = requests;
			return this;
		}

		/**
		 * Sets the tokens admitted per window: prompt tokens and completion tokens. Default: 60,000 a minute.
		 * @param tokens the limit, 0 or more
		 * @param window the length of the window, at least a millisecond
		 * @return this builder
		 */
		public Builder tokens(long tokens, Duration window) {
			Assert.isTrue(tokens >= 0, () -> "tokens must not be negative, was " + tokens);
			this.tokenWindow = checkWindow(window);
			this.tokens = tokens;
			return this;
		}

		/**
		 * Sets the completion tokens reserved for a request that sets no {@code max_completion_tokens} (nor
		 * {@code max_tokens}). The real API reserves more, up to the model's context length; raise this to see
		 * what that does to a fleet. Default: {@value RateLimit#DEFAULT_MAX_COMPLETION_TOKENS}.
		 * @param tokens the tokens, 0 or more
		 * @return this builder
		 */
		public Builder defaultMaxCompletionTokens(int tokens) {
			Assert.isTrue(tokens >= 0, () -> "defaultMaxCompletionTokens must not be negative, was " + tokens);
			this.defaultMaxCompletionTokens = tokens;
			return this;
		}

		/**
		 * Builds the budget.
		 * @return the budget
		 */
		public RateLimit build() {
			return new RateLimit(this);
		}

		private static Duration checkWindow(@Nullable Duration window) {
			Assert.isTrue(window != null && window.compareTo(Duration.ofMillis(1)) >= 0,
					() -> "window must be at least 1ms, was " + window);
			return window;
		}

	}

}
