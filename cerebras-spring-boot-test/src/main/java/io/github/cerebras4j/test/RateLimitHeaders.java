package io.github.cerebras4j.test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The six {@code x-ratelimit-*} headers the API puts on every response, with the free tier's limits: requests
 * per day and tokens per minute, counted down by the requests served (each request takes its prompt and completion
 * tokens), resetting at midnight UTC and at each minute. Scripted remaining values replace the counts.
 */
final class RateLimitHeaders {

	static final long REQUESTS_PER_DAY = 14_400;

	static final long TOKENS_PER_MINUTE = 60_000;

	private static final long SECONDS_PER_DAY = 86_400;

	private long day = -1;

	private long requestsToday;

	private long minute = -1;

	private long tokensThisMinute;

	/**
	 * Counts a request and returns the headers of its response.
	 * @param tokens the tokens the request used
	 * @param scripted scripted remaining values, or {@code null} to count
	 * @param now the time of the request
	 * @return the headers by name
	 */
	synchronized Map<String, String> count(int tokens, Script.@Nullable RemainingLimits scripted, Instant now) {
		long epochSecond = now.getEpochSecond();
		if (epochSecond / SECONDS_PER_DAY != this.day) {
			this.day = epochSecond / SECONDS_PER_DAY;
			this.requestsToday = 0;
		}
		if (epochSecond / 60 != this.minute) {
			this.minute = epochSecond / 60;
			this.tokensThisMinute = 0;
		}
		this.requestsToday++;
		this.tokensThisMinute += tokens;
		long remainingRequests = (scripted != null) ? scripted.requestsPerDay()
				: Math.max(0, REQUESTS_PER_DAY - this.requestsToday);
		long remainingTokens = (scripted != null) ? scripted.tokensPerMinute()
				: Math.max(0, TOKENS_PER_MINUTE - this.tokensThisMinute);
		double secondsIntoDay = (epochSecond % SECONDS_PER_DAY) + now.getNano() / 1e9;
		double secondsIntoMinute = (epochSecond % 60) + now.getNano() / 1e9;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-ratelimit-limit-requests-day", Long.toString(Math.max(REQUESTS_PER_DAY, remainingRequests)));
		headers.put("x-ratelimit-limit-tokens-minute", Long.toString(Math.max(TOKENS_PER_MINUTE, remainingTokens)));
		headers.put("x-ratelimit-remaining-requests-day", Long.toString(remainingRequests));
		headers.put("x-ratelimit-remaining-tokens-minute", Long.toString(remainingTokens));
		headers.put("x-ratelimit-reset-requests-day", Double.toString(SECONDS_PER_DAY - secondsIntoDay));
		headers.put("x-ratelimit-reset-tokens-minute", Double.toString(60 - secondsIntoMinute));
		return headers;
	}

	/** Forgets the requests counted so far. */
	synchronized void reset() {
		this.day = -1;
		this.minute = -1;
	}

}
