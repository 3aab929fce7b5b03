package io.github.cerebras4j.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The six {@code x-ratelimit-*} headers the API puts on every response, with the free tier's limits: requests
 * per day and tokens per minute, counted down by the requests served (each request takes its prompt and completion
 * tokens), resetting at midnight UTC and at each minute. Scripted remaining values replace the counts. Nothing is
 * enforced; while a {@link RateLimitBudget} is set, it writes the headers instead (with {@link #of}).
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
		long nanosIntoDay = (epochSecond % SECONDS_PER_DAY) * 1_000_000_000L + now.getNano();
		long nanosIntoMinute = (epochSecond % 60) * 1_000_000_000L + now.getNano();
		return of(Math.max(REQUESTS_PER_DAY, remainingRequests), remainingRequests,
				Duration.ofDays(1).minusNanos(nanosIntoDay), Math.max(TOKENS_PER_MINUTE, remainingTokens),
				remainingTokens, Duration.ofMinutes(1).minusNanos(nanosIntoMinute));
	}

	/**
	 * Writes the six headers.
	 * @param requestLimit the requests per request window
	 * @param remainingRequests the requests left in the current request window
	 * @param requestReset the time until the request window ends
	 * @param tokenLimit the tokens per token window
	 * @param remainingTokens the tokens left in the current token window
	 * @param tokenReset the time until the token window ends
	 * @return the headers by name, in the documentation's order
	 */
	static Map<String, String> of(long requestLimit, long remainingRequests, Duration requestReset, long tokenLimit,
			long remainingTokens, Duration tokenReset) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("x-ratelimit-limit-requests-day", Long.toString(requestLimit));
		headers.put("x-ratelimit-limit-tokens-minute", Long.toString(tokenLimit));
		headers.put("x-ratelimit-remaining-requests-day", Long.toString(remainingRequests));
		headers.put("x-ratelimit-remaining-tokens-minute", Long.toString(remainingTokens));
		headers.put("x-ratelimit-reset-requests-day", seconds(requestReset));
		headers.put("x-ratelimit-reset-tokens-minute", seconds(tokenReset));
		return headers;
	}

	/**
	 * Writes a duration as decimal seconds, as the API writes its reset times: {@code 11.382867097}, {@code 2}.
	 * @param duration the duration
	 * @return the seconds, with up to nine decimals and no exponent
	 */
	static String seconds(Duration duration) {
		BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds())
			.add(BigDecimal.valueOf(duration.getNano(), 9));
		return seconds.stripTrailingZeros().toPlainString();
	}

	/** Forgets the requests counted so far. */
	synchronized void reset() {
		this.day = -1;
		this.minute = -1;
	}

}
