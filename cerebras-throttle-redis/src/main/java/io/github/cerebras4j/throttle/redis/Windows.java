package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.Instant;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BandwidthBuilder.BandwidthBuilderBuildStage;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.cerebras4j.client.core.RateLimits;
import org.jspecify.annotations.Nullable;

/**
 * The Bucket4j configuration of one budget, a fixed window as the server counts it: a bucket whose capacity is the
 * window's limit and which Bucket4j refills to the full limit at each reset (an interval-aligned refill of the whole
 * limit, once per window length, the first at the reset time). The bandwidth's id records whether its length is one
 * the server reported (the longest reset seen) or its window's nominal one, since only a reported length is kept
 * against a shorter reset, as {@code LocalBudgetStore} does.
 */
final class Windows {

	/** The id of a bandwidth whose length the server's reset times taught. */
	static final String REPORTED = "reported";

	/** The id of a bandwidth whose length is its window's name (a minute, an hour, a day). */
	static final String NOMINAL = "nominal";

	private Windows() {
	}

	/**
	 * A full window of a limit known in advance, which starts now.
	 */
	static BucketConfiguration initial(long limit, Duration length, Instant now) {
		return configuration(limit, length, now.plus(length), null, false);
	}

	/**
	 * The configuration that makes a bucket what the server reported: its limit, what is left, and a refill at the
	 * reported reset. What the server left out comes from the bucket as it is, else from the limits known in
	 * advance; {@code null} when no limit is known at all.
	 * @param existing the bucket's configuration in Redis, if it has one
	 * @param reported what the server reported
	 * @param initialLimit the limit known in advance, if any
	 * @param nominal the window's nominal length
	 * @param now the time of the update
	 */
	static @Nullable Replacement update(@Nullable BucketConfiguration existing, RateLimits.Bucket reported,
			@Nullable Long initialLimit, Duration nominal, Instant now) {
		Bandwidth current = (existing != null) ? existing.getBandwidths()[0] : null;
		Long limit = reported.limit();
		if (limit == null) {
			limit = (current != null) ? Long.valueOf(current.getCapacity()) : initialLimit;
		}
		if (limit == null && reported.remaining() != null) {
			limit = reported.remaining();
		}
		if (limit == null) {
			return null;
		}
		limit = Math.max(1, limit);
		Duration length = (current != null) ? Duration.ofNanos(current.getRefillPeriodNanos()) : nominal;
		boolean lengthReported = current != null && REPORTED.equals(current.getId());
		Duration resetAfter = reported.resetAfter();
		if (resetAfter != null && resetAfter.isNegative()) {
			resetAfter = null;
		}
		// the first reported reset replaces the nominal length, later ones can only lengthen it
		if (resetAfter != null && !resetAfter.isZero() && (!lengthReported || resetAfter.compareTo(length) > 0)) {
			length = resetAfter;
			lengthReported = true;
		}
		Instant firstRefill;
		if (resetAfter != null) {
			firstRefill = now.plus(resetAfter).plus(margin(length.toNanos()));
		}
		else if (current != null) {
			firstRefill = now.plus(untilNextRefill(current, nanos(now)));
		}
		else {
			firstRefill = now.plus(length);
		}
		Long remaining = reported.remaining();
		if (remaining == null && current != null) {
			// AS_IS keeps the tokens (and the refill times) of the bandwidth with the same id
			BucketConfiguration configuration = configuration(limit, length, firstRefill, null,
					REPORTED.equals(current.getId()));
			return new Replacement(configuration, TokensInheritanceStrategy.AS_IS);
		}
		// RESET starts the bucket afresh from the configuration: the reported remainder, and a refill at the reset
		long tokens = (remaining != null) ? Math.min(limit, Math.max(0, remaining)) : limit;
		return new Replacement(configuration(limit, length, firstRefill, tokens, lengthReported),
				TokensInheritanceStrategy.RESET);
	}

	/**
	 * Tells how a report stands against a bucket: {@link Report#FIRST} when the bucket has none yet or has never had
	 * a report (its length is still its window's nominal one); {@link Report#LATER_WINDOW} when the server's window
	 * ends more than half a window after the bucket's next refill (the server's window turned first);
	 * {@link Report#ALIGNED} when the bucket refills after the server's reset, by no more than a twentieth of a
	 * window (or 20 ms), or no reset is reported; {@link Report#MISALIGNED} otherwise, including a bucket that would
	 * refill before the server's window ends.
	 * @param existing the bucket's configuration in Redis, if it has one
	 * @param reported what the server reported
	 * @param now the time of the report
	 */
	static Report compare(@Nullable BucketConfiguration existing, RateLimits.Bucket reported, Instant now) {
		Bandwidth current = (existing != null) ? existing.getBandwidths()[0] : null;
		if (current == null || !REPORTED.equals(current.getId())) {
			return Report.FIRST;
		}
		Duration resetAfter = reported.resetAfter();
		if (resetAfter == null || resetAfter.isNegative()) {
			return Report.ALIGNED;
		}
		long period = current.getRefillPeriodNanos();
		long difference = resetAfter.toNanos() - untilNextRefill(current, nanos(now)).toNanos();
		if (difference > period / 2) {
			return Report.LATER_WINDOW;
		}
		// a bucket that refills after the server's reset wastes a little of the window; one that refills before it
		// admits calls the server still counts in the old window
		boolean early = difference > margin(period).toNanos();
		boolean late = difference < -Math.max(period / 20, Duration.ofMillis(20).toNanos());
		return (early || late) ? Report.MISALIGNED : Report.ALIGNED;
	}

	/**
	 * How long after the server's reset a bucket refills: a reset is reported as a time from when the response was
	 * made, and the store learns it later, so a bucket set to it exactly could refill before the server does.
	 * A hundredth of the window, at least 5 ms.
	 */
	static Duration margin(long periodNanos) {
		return Duration.ofNanos(Math.max(periodNanos / 100, Duration.ofMillis(5).toNanos()));
	}

	/**
	 * How long until an interval-aligned bandwidth refills next.
	 */
	static Duration untilNextRefill(Bandwidth bandwidth, long nowNanos) {
		long period = bandwidth.getRefillPeriodNanos();
		long first = bandwidth.getTimeOfFirstRefillMillis() * 1_000_000L;
		if (!bandwidth.isIntervallyAligned()) {
			return Duration.ofNanos(period);
		}
		if (nowNanos < first) {
			return Duration.ofNanos(first - nowNanos);
		}
		return Duration.ofNanos(period - (nowNanos - first) % period);
	}

	static long capacity(BucketConfiguration configuration) {
		return configuration.getBandwidths()[0].getCapacity();
	}

	static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	private static BucketConfiguration configuration(long limit, Duration length, Instant firstRefill,
			@Nullable Long tokens, boolean lengthReported) {
		// Bucket4j refills at most one token per nanosecond
		Duration period = (length.toNanos() < limit) ? Duration.ofNanos(limit) : length;
		BandwidthBuilderBuildStage bandwidth = Bandwidth.builder()
			.capacity(limit)
			.refillIntervallyAligned(limit, period, firstRefill)
			.id(lengthReported ? REPORTED : NOMINAL);
		if (tokens != null) {
			bandwidth = bandwidth.initialTokens(tokens);
		}
		return BucketConfiguration.builder().addLimit(bandwidth.build()).build();
	}

	/**
	 * How a report stands against a bucket.
	 */
	enum Report {

		/** The bucket has had no report yet: the report is taken as it is. */
		FIRST,

		/** The report's window ends when the bucket next refills: its remainder can only lower the bucket. */
		ALIGNED,

		/**
		 * The report's window ends at another time than the bucket's next refill: the bucket takes the server's reset,
		 * and its remainder can only lower the bucket.
		 */
		MISALIGNED,

		/** A window after the bucket's: the server's turned first, and the report is taken as it is. */
		LATER_WINDOW

	}

	/**
	 * A new configuration of a bucket and how its tokens carry over.
	 *
	 * @param configuration the configuration
	 * @param strategy how the bucket's tokens carry over
	 */
	record Replacement(BucketConfiguration configuration, TokensInheritanceStrategy strategy) {
	}

}
