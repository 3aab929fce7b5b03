package io.github.cerebras4j.springai;

import java.time.Duration;

import io.github.cerebras4j.client.core.RateLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.RateLimit;

/**
 * Spring AI's {@link RateLimit} read from the client's {@link RateLimits} (the {@code x-ratelimit-*} headers of the
 * response). Spring AI has one request and one token bucket; Cerebras reports windows: requests are read from the
 * day window (the one Cerebras documents), else the hour, else the minute; tokens from the minute window (the one
 * Cerebras documents), else the hour, else the day. All windows are in {@link #rateLimits()}.
 *
 * @param rateLimits every window the server reported
 */
public record CerebrasRateLimit(RateLimits rateLimits) implements RateLimit {

	@Override
	public @Nullable Long getRequestsLimit() {
		RateLimits.Bucket bucket = requests();
		return (bucket != null) ? bucket.limit() : null;
	}

	@Override
	public @Nullable Long getRequestsRemaining() {
		RateLimits.Bucket bucket = requests();
		return (bucket != null) ? bucket.remaining() : null;
	}

	@Override
	public @Nullable Duration getRequestsReset() {
		RateLimits.Bucket bucket = requests();
		return (bucket != null) ? bucket.resetAfter() : null;
	}

	@Override
	public @Nullable Long getTokensLimit() {
		RateLimits.Bucket bucket = tokens();
		return (bucket != null) ? bucket.limit() : null;
	}

	@Override
	public @Nullable Long getTokensRemaining() {
		RateLimits.Bucket bucket = tokens();
		return (bucket != null) ? bucket.remaining() : null;
	}

	@Override
	public @Nullable Duration getTokensReset() {
		RateLimits.Bucket bucket = tokens();
		return (bucket != null) ? bucket.resetAfter() : null;
	}

	private RateLimits.@Nullable Bucket requests() {
		RateLimits.Bucket bucket = this.rateLimits.requests(RateLimits.Window.DAY);
		if (bucket == null) {
			bucket = this.rateLimits.requests(RateLimits.Window.HOUR);
		}
		return (bucket != null) ? bucket : this.rateLimits.requests(RateLimits.Window.MINUTE);
	}

	private RateLimits.@Nullable Bucket tokens() {
		RateLimits.Bucket bucket = this.rateLimits.tokens(RateLimits.Window.MINUTE);
		if (bucket == null) {
			bucket = this.rateLimits.tokens(RateLimits.Window.HOUR);
		}
		return (bucket != null) ? bucket : this.rateLimits.tokens(RateLimits.Window.DAY);
	}

}
