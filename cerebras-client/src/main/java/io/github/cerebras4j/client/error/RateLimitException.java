package io.github.cerebras4j.client.error;

import java.time.Duration;
import java.time.Instant;

import io.github.cerebras4j.client.internal.RetryAfter;
import org.jspecify.annotations.Nullable;

/**
 * 429 Too Many Requests: a request or token limit of the organisation was reached, see {@link #rateLimits()}
 * and {@link #retryAfter()}. Retried by the default retry policy.
 */
public final class RateLimitException extends CerebrasApiException {

	/** How long the server asked to wait, as sent; {@code null} when it sent no hint that parses. */
	private final @Nullable Duration retryAfter;

	RateLimitException(Details details) {
		super(details);
		this.retryAfter = RetryAfter.parse(details.headers(), Instant.now());
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
