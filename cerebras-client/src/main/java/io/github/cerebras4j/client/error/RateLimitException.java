package io.github.cerebras4j.client.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.cerebras4j.client.internal.RetryAfter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * 429 Too Many Requests: a request or token limit of the organisation was reached, see {@link #rateLimits()}
 * and {@link #retryAfter()}. Retried by the default retry policy. When the client's own throttle refused the call
 * ({@link #isThrottled()}), nothing was sent: its budget would reset only after the longest wait allowed, and
 * {@link #retryAfter()} says when; such a refusal is never retried.
 */
public final class RateLimitException extends CerebrasApiException {

	/** The error type of a refusal by the client's throttle. */
	public static final String THROTTLED_TYPE = "client_throttled";

	/** How long the server asked to wait, as sent; {@code null} when it sent no hint that parses. */
	private final @Nullable Duration retryAfter;

	/** Whether the client's throttle refused the call, which then was not sent. */
	private final boolean throttled;

	RateLimitException(Details details) {
		this(details, false);
	}

	private RateLimitException(Details details, boolean throttled) {
		super(details);
		this.retryAfter = RetryAfter.parse(details.headers(), Instant.now());
		this.throttled = throttled;
	}

	/**
	 * Creates the refusal of a call by the client's throttle: the call was not sent.
	 * @param model the call's model
	 * @param shortOf which budget is short, for example {@code tokens per minute}
	 * @param resetAfter how long until that budget resets
	 * @param maxWait the longest wait the throttle allows
	 * @return the exception, not thrown
	 */
	public static RateLimitException throttled(String model, String shortOf, Duration resetAfter, Duration maxWait) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("retry-after-ms", String.valueOf(Math.max(0, resetAfter.toMillis())));
		String message = "Not sent: the budget of " + shortOf + " for model " + model + " resets in "
				+ resetAfter.toMillis() + " ms, later than the throttle's longest wait of " + maxWait.toMillis()
				+ " ms (cerebras.throttle.max-wait)";
		ApiError error = new ApiError(message, THROTTLED_TYPE, null, THROTTLED_TYPE, null, Map.of());
		return new RateLimitException(new Details(429, headers, null, error, null, false), true);
	}

	/**
	 * Tells whether the client's throttle refused the call, which then was not sent.
	 * @return {@code true} for a refusal by the throttle, {@code false} for a 429 from the server
	 */
	public boolean isThrottled() {
		return this.throttled;
	}

	/**
	 * Returns how long the server asked to wait, from {@code retry-after-ms} or {@code retry-after}, as sent:
	 * not capped, and possibly zero or negative.
	 * @return the server's hint, or {@code null} when it sent none that parses
	 */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}
