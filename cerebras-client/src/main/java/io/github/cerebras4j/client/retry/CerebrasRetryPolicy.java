package io.github.cerebras4j.client.retry;

import java.time.Duration;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.DoubleSupplier;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasPoolTimeoutException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.internal.SettingChecks;
import org.springframework.core.retry.RetryPolicy;

/**
 * Which failures the client retries and how long it waits in between, with the rules of both official Cerebras
 * SDKs.
 * <p>
 * Retried: an error response whose {@code x-should-retry} header is {@code true} (case-insensitive), whatever
 * its status; without that header, or with a value other than {@code true} or {@code false}, a response with
 * one of the retryable statuses (by default 408, 409 and 429) or, unless {@link Builder#retryServerErrors
 * retryServerErrors(false)}, any status of 500 and above; and every {@link CerebrasConnectionException}, so
 * connection failures, timeouts and interrupted streams too. Not retried: an error response with
 * {@code x-should-retry: false}, any other status (400, 401, 403, 404 and 422 among them), a
 * {@link CerebrasMalformedResponseException} and any other exception. Causes are not looked into. Whether a
 * stream may be retried at all once a chunk has reached the caller is up to the client, not to this policy.
 * <p>
 * The waits come from {@link #getBackOff()}, a {@link CerebrasBackOff}. The defaults, the SDKs' own:
 * {@value #DEFAULT_MAX_RETRIES} retries (so up to 3 attempts), a first wait of 0.5 s, multiplied by
 * {@value #DEFAULT_MULTIPLIER} for each further retry up to 8 s, each wait shortened by a random 0 to 25 %
 * (jitter {@value #DEFAULT_JITTER}; jitter never lengthens a wait). A server's {@code Retry-After} hint replaces
 * the wait when it is positive and at most {@link #maxRetryAfter()} (default 60 s); the client's retry loop
 * applies it, not this class. {@link #getTimeout()} keeps the default: no overall limit here, the client has its
 * own deadline.
 * <p>
 * Immutable and thread-safe.
 */
public final class CerebrasRetryPolicy implements RetryPolicy {

	/** The default number of retries after the first attempt: {@value}. */
	public static final int DEFAULT_MAX_RETRIES = 2;

	/** The default wait before the first retry, before jitter: 0.5 s. */
	public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);

	/** The default factor between two consecutive waits: {@value}. */
	public static final double DEFAULT_MULTIPLIER = 2.0;

	/** The default longest wait, before jitter: 8 s. */
	public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(8);

	/** The default largest fraction by which a wait is shortened: {@value}, so by up to 25 %. */
	public static final double DEFAULT_JITTER = 0.25;

	/** The default longest {@code Retry-After} hint that is honoured: 60 s. */
	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

	/** The statuses retried by default besides those of 500 and above: 408, 409 and 429. */
	public static final Set<Integer> DEFAULT_RETRYABLE_STATUSES = Set.of(408, 409, 429);

	private static final String SHOULD_RETRY_HEADER = "x-should-retry";

	private static final CerebrasRetryPolicy DEFAULTS = builder().build();

	private final CerebrasBackOff backOff;

	private final DoubleSupplier randomSource;

	private final Duration maxRetryAfter;

	private final SortedSet<Integer> retryableStatuses;

	private final boolean retryServerErrors;

	private CerebrasRetryPolicy(Builder builder) {
		this.backOff = new CerebrasBackOff(builder.maxRetries, builder.initialDelay, builder.multiplier,
				builder.maxDelay, builder.jitter, builder.randomSource);
		SettingChecks.notNegative("maxRetryAfter", builder.maxRetryAfter);
		for (int status : builder.retryableStatuses) {
			if (status < 100 || status > 999) {
				throw new IllegalArgumentException(
						"retryableStatuses must be HTTP status codes from 100 to 999, was " + status);
			}
		}
		this.randomSource = builder.randomSource;
		this.maxRetryAfter = builder.maxRetryAfter;
		this.retryableStatuses = Collections.unmodifiableSortedSet(new TreeSet<>(builder.retryableStatuses));
		this.retryServerErrors = builder.retryServerErrors;
	}

	/**
	 * Returns the policy with every setting at its default, the official SDKs' behaviour.
	 * @return the default policy
	 */
	public static CerebrasRetryPolicy defaults() {
		return DEFAULTS;
	}

	/**
	 * Starts a builder with every setting at its default.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a builder with the settings of this policy.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Returns a copy of this policy that retries at most the given number of times; this policy is unchanged.
	 * @param maxRetries the number of retries after the first attempt, at least 0
	 * @return the copy
	 * @throws IllegalArgumentException when {@code maxRetries} is negative
	 */
	public CerebrasRetryPolicy withMaxRetries(int maxRetries) {
		return toBuilder().maxRetries(maxRetries).build();
	}

	/**
	 * Returns the number of retries after the first attempt.
	 * @return the maximum number of retries
	 */
	public int maxRetries() {
		return this.backOff.maxRetries();
	}

	/**
	 * Returns the longest {@code Retry-After} (or {@code retry-after-ms}) hint the client honours; a longer, zero
	 * or negative hint is ignored in favour of the backoff.
	 * @return the cap on server retry hints
	 */
	public Duration maxRetryAfter() {
		return this.maxRetryAfter;
	}

	/**
	 * Tells whether a failed attempt should be retried, by the rules in the class description.
	 * @param throwable the failure of the attempt
	 * @return {@code true} to retry, as long as retries remain
	 */
	@Override
	public boolean shouldRetry(Throwable throwable) {
		if (throwable instanceof CerebrasApiException apiException) {
			return shouldRetry(apiException);
		}
		// a busy pool is not the server's fault, and a retry would wait for the same pool
		return throwable instanceof CerebrasConnectionException && !(throwable instanceof CerebrasPoolTimeoutException);
	}

	/**
	 * Returns the waits between retries; its executions stop after {@link #maxRetries()} waits.
	 * @return the backoff
	 */
	@Override
	public CerebrasBackOff getBackOff() {
		return this.backOff;
	}

	@Override
	public String toString() {
		return "CerebrasRetryPolicy[maxRetries=" + this.backOff.maxRetries() + ", initialDelay="
				+ this.backOff.initialDelay() + ", multiplier=" + this.backOff.multiplier() + ", maxDelay="
				+ this.backOff.maxDelay() + ", jitter=" + this.backOff.jitter() + ", maxRetryAfter="
				+ this.maxRetryAfter + ", retryableStatuses=" + this.retryableStatuses + ", retryServerErrors="
				+ this.retryServerErrors + "]";
	}

	private boolean shouldRetry(CerebrasApiException exception) {
		String shouldRetry = exception.headers().getFirst(SHOULD_RETRY_HEADER);
		if ("true".equalsIgnoreCase(shouldRetry)) {
			return true;
		}
		if ("false".equalsIgnoreCase(shouldRetry)) {
			return false;
		}
		int status = exception.statusCode();
		return this.retryableStatuses.contains(status) || (this.retryServerErrors && status >= 500);
	}

	/**
	 * Builds a {@link CerebrasRetryPolicy}; every setting starts at its default. Settings are checked by
	 * {@link #build()}.
	 */
	public static final class Builder {

		private int maxRetries = DEFAULT_MAX_RETRIES;

		private Duration initialDelay = DEFAULT_INITIAL_DELAY;

		private double multiplier = DEFAULT_MULTIPLIER;

		private Duration maxDelay = DEFAULT_MAX_DELAY;

		private double jitter = DEFAULT_JITTER;

		private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

		private Set<Integer> retryableStatuses = DEFAULT_RETRYABLE_STATUSES;

		private boolean retryServerErrors = true;

		private DoubleSupplier randomSource = CerebrasBackOff.THREAD_LOCAL_RANDOM;

		private Builder() {
		}

		private Builder(CerebrasRetryPolicy policy) {
			this.maxRetries = policy.backOff.maxRetries();
			this.initialDelay = policy.backOff.initialDelay();
			this.multiplier = policy.backOff.multiplier();
			this.maxDelay = policy.backOff.maxDelay();
			this.jitter = policy.backOff.jitter();
			this.maxRetryAfter = policy.maxRetryAfter;
			this.retryableStatuses = policy.retryableStatuses;
			this.retryServerErrors = policy.retryServerErrors;
			this.randomSource = policy.randomSource;
		}

		/**
		 * Sets the number of retries after the first attempt; 0 disables retries. Default
		 * {@value #DEFAULT_MAX_RETRIES}.
		 * @param maxRetries at least 0
		 * @return this builder
		 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

		/**
		 * Sets the wait before the first retry, before jitter. Default 0.5 s.
		 * @param initialDelay not negative, and not longer than the maximum delay
		 * @return this builder
		 */
		public Builder initialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
			return this;
		}

		/**
		 * Sets the longest wait, before jitter. Default 8 s.
		 * @param maxDelay not shorter than the initial delay
		 * @return this builder
		 */
		public Builder maxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
			return this;
		}

		/**
		 * Sets the factor between two consecutive waits. Default {@value #DEFAULT_MULTIPLIER}.
		 * @param multiplier a finite number of at least 1 (1 gives equal waits)
		 * @return this builder
		 */
		public Builder multiplier(double multiplier) {
			this.multiplier = multiplier;
			return this;
		}

		/**
		 * Sets the largest fraction by which each wait is shortened, at random. Default
		 * {@value #DEFAULT_JITTER}.
		 * @param jitter between 0 (no jitter) and 1
		 * @return this builder
		 */
		public Builder jitter(double jitter) {
			this.jitter = jitter;
			return this;
		}

		/**
		 * Sets the longest {@code Retry-After} hint the client honours instead of the backoff. Default 60 s.
		 * @param maxRetryAfter not negative; zero ignores every hint
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Sets the statuses that are retried, replacing the default 408, 409 and 429; statuses of 500 and above
		 * are retried as well unless {@link #retryServerErrors(boolean) retryServerErrors(false)}.
		 * @param retryableStatuses HTTP status codes from 100 to 999; may be empty
		 * @return this builder
		 */
		public Builder retryableStatuses(Set<Integer> retryableStatuses) {
			this.retryableStatuses = Set.copyOf(retryableStatuses);
			return this;
		}

		/**
		 * Sets whether every status of 500 and above is retried, besides the retryable statuses. Default
		 * {@code true}.
		 * @param retryServerErrors {@code false} to retry only the retryable statuses
		 * @return this builder
		 */
		public Builder retryServerErrors(boolean retryServerErrors) {
			this.retryServerErrors = retryServerErrors;
			return this;
		}

		/**
		 * Sets where the jitter's random numbers come from, for tests. Default
		 * {@link java.util.concurrent.ThreadLocalRandom}.
		 * @param randomSource numbers between 0 and 1; 0 keeps a wait whole, 1 shortens it by the full jitter
		 * @return this builder
		 */
		public Builder randomSource(DoubleSupplier randomSource) {
			this.randomSource = randomSource;
			return this;
		}

		/**
		 * Builds the policy.
		 * @return the policy
		 * @throws IllegalArgumentException when a setting is out of range; the message names it
		 */
		public CerebrasRetryPolicy build() {
			return new CerebrasRetryPolicy(this);
		}

	}

}
