package io.github.cerebras4j.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The rate-limit budget a {@link CerebrasMockServer} enforces, one per model as Cerebras counts per organisation and
 * model, shared by every client of the server. Requests and tokens are counted in fixed windows that follow each
 * other from the moment the budget is set. A generation request reserves one request and its prompt tokens plus its
 * maximum completion tokens; if either does not fit in what is left of its window it is rejected, else admitted and
 * later settled with the tokens it really used, which gives the unused part back. One lock guards everything, so
 * that checking and reserving are one step.
 */
final class RateLimitBudget {

	private final RateLimit limit;

	private final Instant start;

	private final Map<String, Quota> quotas = new HashMap<>();

	/**
	 * Creates a budget whose first windows start now.
	 * @param limit the limits
	 * @param start the start of the first windows
	 */
	RateLimitBudget(RateLimit limit, Instant start) {
		this.limit = limit;
		this.start = start;
	}

	/** The completion tokens a request reserves: its maximum, or the default when it sets none. */
	private long reservedCompletionTokens(@Nullable Integer maxCompletionTokens) {
		return (maxCompletionTokens != null) ? Math.max(0, maxCompletionTokens)
				: this.limit.defaultMaxCompletionTokens();
	}

	/**
	 * Admits a request if one more request and its reservation fit in the current windows of its model, and
	 * reserves them.
	 * @param model the request's model
	 * @param promptTokens the request's prompt tokens
	 * @param maxCompletionTokens the request's maximum completion tokens, or {@code null} when it sets none
	 * @param now the time of the request
	 * @return a {@link Reservation} to settle, or a {@link Rejection}
	 */
	synchronized Admission admit(String model, long promptTokens, @Nullable Integer maxCompletionTokens,
			Instant now) {
		Quota quota = quota(model, now);
		Counts counts = quota.counts(quota.tokenWindow);
		long reserved = promptTokens + reservedCompletionTokens(maxCompletionTokens);
		boolean requestsExceeded = quota.requests + 1 > this.limit.requests();
		boolean tokensExceeded = quota.tokens + reserved > this.limit.tokens();
		if (requestsExceeded || tokensExceeded) {
			counts.rejected++;
			quota.rejected++;
			Duration retryAfter = Duration.ZERO;
			if (requestsExceeded) {
				retryAfter = untilEnd(this.limit.requestWindow(), quota.requestWindow, now);
			}
			if (tokensExceeded) {
				Duration untilTokens = untilEnd(this.limit.tokenWindow(), quota.tokenWindow, now);
				retryAfter = (untilTokens.compareTo(retryAfter) > 0) ? untilTokens : retryAfter;
			}
			String message = requestsExceeded
					? "Requests per " + per(this.limit.requestWindow()) + " limit exceeded - too many requests sent."
					: "Tokens per " + per(this.limit.tokenWindow()) + " limit exceeded - too many tokens processed.";
			return new Rejection(requestsExceeded ? "request_quota_exceeded" : "token_quota_exceeded", message,
					retryAfter, headers(quota, now));
		}
		quota.requests++;
		quota.tokens += reserved;
		counts.admitted++;
		quota.admitted++;
		return new Reservation(this, model, quota.tokenWindow, reserved);
	}

	/**
	 * Settles an admitted request: counts the tokens it used, and gives the rest of its reservation back to its
	 * token window if that is still the current one. The headers returned are those from before the refund, as the
	 * real API's are: it answers with the reservation counted and gives the rest back when generation ends.
	 */
	private synchronized Map<String, String> settle(Reservation reservation, long usedTokens, Instant now) {
		Quota quota = quota(reservation.model(), now);
		Map<String, String> headers = headers(quota, now);
		if (quota.tokenWindow == reservation.tokenWindow()) {
			quota.tokens += usedTokens - reservation.tokens();
		}
		Counts counts = quota.windows.get(reservation.tokenWindow());
		if (counts != null) {
			counts.tokens += usedTokens;
		}
		quota.used += usedTokens;
		return headers;
	}

	/**
	 * Returns the rate-limit headers of a response that uses nothing.
	 * @param model the model the response is about, or {@code null} for one about none (a model list, an error
	 * before the request is read), which shows the quota of a model nothing was sent to
	 * @param now the time of the response
	 * @return the headers by name
	 */
	synchronized Map<String, String> headers(@Nullable String model, Instant now) {
		return headers((model != null) ? quota(model, now) : fresh(now), now);
	}

	/**
	 * Returns what the budget counted.
	 * @param model the model, or {@code null} for the sum over all models
	 * @return the counts
	 */
	synchronized RateLimitStats stats(@Nullable String model) {
		List<Quota> counted = new ArrayList<>();
		if (model == null) {
			counted.addAll(this.quotas.values());
		}
		else if (this.quotas.containsKey(model)) {
			counted.add(this.quotas.get(model));
		}
		long admitted = 0;
		long rejected = 0;
		long used = 0;
		TreeMap<Long, Counts> windows = new TreeMap<>();
		for (Quota quota : counted) {
			admitted += quota.admitted;
			rejected += quota.rejected;
			used += quota.used;
			quota.windows.forEach((index, counts) -> windows.computeIfAbsent(index, (key) -> new Counts()).add(counts));
		}
		while (windows.size() > RateLimitStats.REMEMBERED_WINDOWS) {
			windows.pollFirstEntry();
		}
		List<RateLimitStats.Window> list = new ArrayList<>();
		windows.forEach((index, counts) -> list.add(new RateLimitStats.Window(index, windowStart(index),
				counts.admitted, counts.rejected, counts.tokens)));
		return new RateLimitStats(admitted, rejected, used, list);
	}

	private Quota quota(String model, Instant now) {
		Quota quota = this.quotas.computeIfAbsent(model, (key) -> new Quota());
		quota.roll(window(this.limit.requestWindow(), now), window(this.limit.tokenWindow(), now));
		return quota;
	}

	private Quota fresh(Instant now) {
		Quota quota = new Quota();
		quota.roll(window(this.limit.requestWindow(), now), window(this.limit.tokenWindow(), now));
		return quota;
	}

	private Map<String, String> headers(Quota quota, Instant now) {
		return RateLimitHeaders.of(this.limit.requests(), Math.max(0, this.limit.requests() - quota.requests),
				untilEnd(this.limit.requestWindow(), quota.requestWindow, now), this.limit.tokens(),
				Math.max(0, this.limit.tokens() - quota.tokens),
				untilEnd(this.limit.tokenWindow(), quota.tokenWindow, now));
	}

	/** The number of the window that holds an instant, counted from the start. */
	private long window(Duration length, Instant now) {
		long elapsed = Duration.between(this.start, now).toNanos();
		return Math.max(0, elapsed) / length.toNanos();
	}

	private Duration untilEnd(Duration length, long window, Instant now) {
		return Duration.between(now, this.start.plus(length.multipliedBy(window + 1)));
	}

	private Instant windowStart(long tokenWindow) {
		return this.start.plus(this.limit.tokenWindow().multipliedBy(tokenWindow));
	}

	/** Names a window as the API's messages do: {@code minute}, {@code day}, or {@code 2 seconds}. */
	private static String per(Duration window) {
		if (window.equals(Duration.ofDays(1))) {
			return "day";
		}
		if (window.equals(Duration.ofHours(1))) {
			return "hour";
		}
		if (window.equals(Duration.ofMinutes(1))) {
			return "minute";
		}
		if (window.equals(Duration.ofSeconds(1))) {
			return "second";
		}
		return RateLimitHeaders.seconds(window) + " seconds";
	}

	/**
	 * Writes the delay a rejected request should wait as {@code retry-after} seconds, rounded up to the millisecond,
	 * so that a client that waits that long finds the new window.
	 * @param delay the time until the window ends
	 * @return the seconds, such as {@code 1.5} or {@code 2}
	 */
	static String retryAfter(Duration delay) {
		long millis = delay.toMillis() + ((delay.toNanosPart() % 1_000_000 > 0) ? 1 : 0);
		return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
	}

	/** What {@link #admit} decided. */
	sealed interface Admission permits Reservation, Rejection {

	}

	/**
	 * An admitted request's reservation, to settle once its answer is known.
	 *
	 * @param budget the budget that admitted the request
	 * @param model the request's model
	 * @param tokenWindow the token window it was admitted in
	 * @param tokens the tokens reserved
	 */
	record Reservation(RateLimitBudget budget, String model, long tokenWindow, long tokens) implements Admission {

		/**
		 * Counts the tokens the request used, and gives the rest of the reservation back to its token window if
		 * that is still the current one; a request that used more than it reserved takes the difference.
		 * @param usedTokens the prompt and completion tokens the request used
		 * @param now the time of the answer
		 * @return the rate-limit headers of the answer
		 */
		Map<String, String> settle(long usedTokens, Instant now) {
			return this.budget.settle(this, usedTokens, now);
		}

	}

	/**
	 * A rejected request.
	 *
	 * @param code the error body's {@code code}: {@code request_quota_exceeded} when the request limit is reached,
	 * else {@code token_quota_exceeded}
	 * @param message the error body's {@code message}, worded as the API words it
	 * @param retryAfter the time until every limit that rejected it starts a new window
	 * @param headers the rate-limit headers of the 429
	 */
	record Rejection(String code, String message, Duration retryAfter, Map<String, String> headers)
			implements Admission {

	}

	/** The counts of one model in its current windows, with the totals and the counts of each token window. */
	private static final class Quota {

		private long requestWindow = -1;

		private long requests;

		private long tokenWindow = -1;

		/** Reserved or used in the current token window. */
		private long tokens;

		private long admitted;

		private long rejected;

		private long used;

		private final TreeMap<Long, Counts> windows = new TreeMap<>();

		/** Moves on to the windows that hold now; a clock set back stays in the current ones. */
		void roll(long requestWindow, long tokenWindow) {
			if (requestWindow > this.requestWindow) {
				this.requestWindow = requestWindow;
				this.requests = 0;
			}
			if (tokenWindow > this.tokenWindow) {
				this.tokenWindow = tokenWindow;
				this.tokens = 0;
			}
		}

		Counts counts(long window) {
			Counts counts = this.windows.computeIfAbsent(window, (key) -> new Counts());
			if (this.windows.size() > RateLimitStats.REMEMBERED_WINDOWS) {
				this.windows.pollFirstEntry();
			}
			return counts;
		}

	}

	/** The counts of one token window. */
	private static final class Counts {

		private long admitted;

		private long rejected;

		private long tokens;

		void add(Counts other) {
			this.admitted += other.admitted;
			this.rejected += other.rejected;
			this.tokens += other.tokens;
		}

	}

}
