package io.github.cerebras4j.client.throttle;

import java.time.Duration;

import io.github.cerebras4j.client.internal.SettingChecks;
import org.springframework.util.Assert;

/**
 * How the client throttles its generations: the store of the budgets, the longest a call waits for its budget, and
 * how a call's tokens are estimated before it is sent. Given to the builder's {@code throttle(..)}; the
 * {@code cerebras.throttle.*} properties.
 *
 * <p>A call's estimate is one request and, for tokens, its {@code max_completion_tokens} (or {@code max_tokens}), or
 * {@link #defaultCompletionTokens()} when it sets neither, plus a quarter of its JSON body's bytes for the prompt (a
 * token is about four bytes of English text; the body's structure makes it an overestimate). The server's usage and
 * rate-limit headers correct the budget after each response.
 *
 * @param store where the budgets are kept
 * @param maxWait the longest a call waits for its budget; a call whose budget resets later fails at once with a
 * {@code RateLimitException}, without being sent
 * @param defaultCompletionTokens the completion tokens reserved for a call that sets no maximum
 */
public record ThrottleSettings(BudgetStore store, Duration maxWait, long defaultCompletionTokens) {

	/**
	 * The name of the observation of each call's wait for its budget, with the low-cardinality keys
	 * {@code gen_ai.request.model} and {@code outcome} ({@code admitted}, {@code refused} or {@code cancelled}).
	 */
	public static final String OBSERVATION_NAME = "cerebras.client.throttle";

	/** The longest wait for a budget by default: 30 seconds. */
	public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

	/** The completion tokens reserved by default for a call that sets no maximum. */
	public static final long DEFAULT_COMPLETION_TOKENS = 1024;

	/**
	 * Checks the settings.
	 * @param store where the budgets are kept
	 * @param maxWait the longest wait for a budget, zero or positive
	 * @param defaultCompletionTokens the completion tokens reserved for a call that sets no maximum, at least 1
	 */
	public ThrottleSettings {
		Assert.notNull(store, "'store' must not be null");
		SettingChecks.notNegative("maxWait", maxWait);
		Assert.isTrue(defaultCompletionTokens >= 1,
				() -> "'defaultCompletionTokens' must be at least 1, not " + defaultCompletionTokens);
	}

	/**
	 * Throttles on budgets kept in this JVM, learnt from the server's headers, with the default wait and reservation.
	 * @return the settings
	 */
	public static ThrottleSettings local() {
		return new ThrottleSettings(new LocalBudgetStore(), DEFAULT_MAX_WAIT, DEFAULT_COMPLETION_TOKENS);
	}

	/**
	 * Returns these settings with another store.
	 * @param store where the budgets are kept
	 * @return the settings
	 */
	public ThrottleSettings withStore(BudgetStore store) {
		return new ThrottleSettings(store, this.maxWait, this.defaultCompletionTokens);
	}

	/**
	 * Returns these settings with another longest wait.
	 * @param maxWait the longest wait for a budget, zero or positive
	 * @return the settings
	 */
	public ThrottleSettings withMaxWait(Duration maxWait) {
		return new ThrottleSettings(this.store, maxWait, this.defaultCompletionTokens);
	}

	/**
	 * Returns these settings with another reservation for calls that set no maximum.
	 * @param defaultCompletionTokens the completion tokens, at least 1
	 * @return the settings
	 */
	public ThrottleSettings withDefaultCompletionTokens(long defaultCompletionTokens) {
		return new ThrottleSettings(this.store, this.maxWait, defaultCompletionTokens);
	}

}
