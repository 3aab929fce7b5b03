package io.github.cerebras4j.client.core;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * The rate-limit state the server reported on a response, read from the
 * {@code x-ratelimit-(limit|remaining|reset)-(requests|tokens)-(minute|hour|day)} headers. The server sends only
 * some of them (the documentation names the daily request and per-minute token buckets), so every window and
 * every value may be missing. Values that are not numbers are ignored, never an error.
 *
 * @param requests the request buckets the server reported, by window
 * @param tokens the token buckets the server reported, by window
 */
public record RateLimits(Map<Window, Bucket> requests, Map<Window, Bucket> tokens) {

	/**
	 * No rate-limit headers at all.
	 */
	public static final RateLimits NONE = new RateLimits(Map.of(), Map.of());

	private static final String PREFIX = "x-ratelimit-";

	/**
	 * Copies the maps, ordered by window.
	 * @param requests the request buckets by window
	 * @param tokens the token buckets by window
	 */
	public RateLimits {
		requests = copy(requests);
		tokens = copy(tokens);
	}

	/**
	 * Reads the rate-limit headers of a response; header names are case-insensitive. Cheap when there are none.
	 * @param headers the response headers
	 * @return the limits found, {@link #NONE} when there are none
	 */
	public static RateLimits from(HttpHeaders headers) {
		Map<String, String> values = null;
		for (String name : headers.headerNames()) {
			if (name.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
				String value = headers.getFirst(name);
				if (value != null) {
					if (values == null) {
						values = new HashMap<>();
					}
					values.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), value.trim());
				}
			}
		}
		if (values == null) {
			return NONE;
		}
		RateLimits limits = new RateLimits(buckets(values, "requests"), buckets(values, "tokens"));
		return limits.isEmpty() ? NONE : limits;
	}

	/**
	 * Returns the request bucket of one window.
	 * @param window the window
	 * @return the bucket, or {@code null} when the server reported nothing for it
	 */
	public @Nullable Bucket requests(Window window) {
		return this.requests.get(window);
	}

	/**
	 * Returns the token bucket of one window.
	 * @param window the window
	 * @return the bucket, or {@code null} when the server reported nothing for it
	 */
	public @Nullable Bucket tokens(Window window) {
		return this.tokens.get(window);
	}

	/**
	 * Tells whether the server reported no rate-limit value at all.
	 * @return {@code true} when there is no bucket
	 */
	public boolean isEmpty() {
		return this.requests.isEmpty() && this.tokens.isEmpty();
	}

	private static Map<Window, Bucket> buckets(Map<String, String> values, String resource) {
		Map<Window, Bucket> buckets = new EnumMap<>(Window.class);
		for (Window window : Window.values()) {
			String suffix = "-" + resource + "-" + window.name().toLowerCase(Locale.ROOT);
			Long limit = count(values.get("limit" + suffix));
			Long remaining = count(values.get("remaining" + suffix));
			Duration resetAfter = seconds(values.get("reset" + suffix));
			if (limit != null || remaining != null || resetAfter != null) {
				buckets.put(window, new Bucket(limit, remaining, resetAfter));
			}
		}
		return buckets;
	}

	private static @Nullable Long count(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			Double number = number(value);
			return (number != null && Math.abs(number) < Long.MAX_VALUE) ? (long) number.doubleValue() : null;
		}
	}

	private static @Nullable Duration seconds(@Nullable String value) {
		Double seconds = (value != null) ? number(value) : null;
		if (seconds == null || Math.abs(seconds * 1e9) >= Long.MAX_VALUE) {
			return null;
		}
		return Duration.ofNanos(Math.round(seconds * 1e9));
	}

	private static @Nullable Double number(String value) {
		try {
			double number = Double.parseDouble(value);
			return Double.isFinite(number) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Map<Window, Bucket> copy(Map<Window, Bucket> buckets) {
		if (buckets.isEmpty()) {
			return Map.of();
		}
		Map<Window, Bucket> copy = new EnumMap<>(Window.class);
		copy.putAll(buckets);
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * The window a limit applies to, the last part of the header name.
	 */
	public enum Window {

		/** The {@code -minute} headers. */
		MINUTE,

		/** The {@code -hour} headers. */
		HOUR,

		/** The {@code -day} headers. */
		DAY

	}

	/**
	 * One rate-limit bucket; the server may send any subset of its values.
	 *
	 * @param limit the maximum for the window ({@code x-ratelimit-limit-*})
	 * @param remaining what is left in the window ({@code x-ratelimit-remaining-*})
	 * @param resetAfter the time until the bucket is full again, from the header's float seconds
	 * ({@code x-ratelimit-reset-*}); as sent, so it could be zero or negative
	 */
	public record Bucket(@Nullable Long limit, @Nullable Long remaining, @Nullable Duration resetAfter) {
	}

}
