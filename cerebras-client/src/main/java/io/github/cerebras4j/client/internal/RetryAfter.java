package io.github.cerebras4j.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Reads the server's retry hint from a response: {@code retry-after-ms} (float milliseconds) first, then
 * {@code retry-after} as float seconds, then {@code retry-after} as an HTTP date, the order both official SDKs
 * use.
 */
public final class RetryAfter {

	private static final String RETRY_AFTER_MS = "retry-after-ms";

	private RetryAfter() {
	}

	/**
	 * Parses the retry hint as sent, without judging it: the result may be zero or negative (a date in the
	 * past), see {@link #isUsable(Duration, Duration)}.
	 * @param headers the response headers
	 * @param now the current time, to turn an HTTP date into a delay
	 * @return the hint, or {@code null} when no header is present, none parses, or the value is beyond about
	 * 292 years
	 */
	public static @Nullable Duration parse(HttpHeaders headers, Instant now) {
		Duration hint = number(headers.getFirst(RETRY_AFTER_MS), 1e6);
		if (hint != null) {
			return hint;
		}
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter == null) {
			return null;
		}
		hint = number(retryAfter, 1e9);
		if (hint != null) {
			return hint;
		}
		try {
			ZonedDateTime date = headers.getFirstZonedDateTime(HttpHeaders.RETRY_AFTER);
			return (date != null) ? Duration.between(now, date.toInstant()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Tells whether a hint should be honoured: it must be positive and not longer than the cap; otherwise the
	 * client falls back to its own backoff.
	 * @param hint the parsed hint, or {@code null}
	 * @param cap the longest wait the client accepts from the server
	 * @return {@code true} when {@code 0 < hint <= cap}
	 */
	public static boolean isUsable(@Nullable Duration hint, Duration cap) {
		return hint != null && hint.compareTo(Duration.ZERO) > 0 && hint.compareTo(cap) <= 0;
	}

	private static @Nullable Duration number(@Nullable String value, double nanosPerUnit) {
		if (value == null) {
			return null;
		}
		try {
			double nanos = Double.parseDouble(value) * nanosPerUnit;
			return (Math.abs(nanos) < Long.MAX_VALUE) ? Duration.ofNanos(Math.round(nanos)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
