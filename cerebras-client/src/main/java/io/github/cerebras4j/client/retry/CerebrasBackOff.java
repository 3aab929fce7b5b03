package io.github.cerebras4j.client.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.cerebras4j.client.internal.SettingChecks;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The waits between retries of the official Cerebras SDKs: exponential, capped, with a jitter that only shortens.
 * Before retry {@code n} (0 for the first) an execution waits
 * {@code round(min(initialDelay * multiplier^n, maxDelay) * (1 - random * jitter))} milliseconds, with
 * {@code random} drawn from {@code [0, 1)} for each wait, and answers {@link BackOffExecution#STOP} once it gave
 * {@code maxRetries} waits. With the defaults (0.5 s, 2.0, 8 s, 0.25) that is 0.375-0.5 s, 0.75-1 s, 1.5-2 s,
 * ..., 6-8 s.
 * <p>
 * Immutable and thread-safe; each {@link #start()} returns a new execution, which belongs to one retry sequence
 * and is not thread-safe.
 */
public final class CerebrasBackOff implements BackOff {

	static final DoubleSupplier THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextDouble();

	private final int maxRetries;

	private final Duration initialDelay;

	private final double multiplier;

	private final Duration maxDelay;

	private final double jitter;

	private final DoubleSupplier randomSource;

	/**
	 * Creates the backoff with random numbers from {@link ThreadLocalRandom}.
	 * @param maxRetries how many waits an execution gives before {@link BackOffExecution#STOP}, at least 0
	 * @param initialDelay the wait before the first retry, before jitter; not negative
	 * @param multiplier the factor between two consecutive waits, a finite number of at least 1
	 * @param maxDelay the longest wait before jitter; not shorter than {@code initialDelay}
	 * @param jitter the largest fraction by which a wait is shortened, between 0 and 1
	 * @throws IllegalArgumentException when a setting is out of range; the message names it
	 */
	public CerebrasBackOff(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay,
			double jitter) {
		this(maxRetries, initialDelay, multiplier, maxDelay, jitter, THREAD_LOCAL_RANDOM);
	}

	/**
	 * Creates the backoff.
	 * @param maxRetries how many waits an execution gives before {@link BackOffExecution#STOP}, at least 0
	 * @param initialDelay the wait before the first retry, before jitter; not negative
	 * @param multiplier the factor between two consecutive waits, a finite number of at least 1
	 * @param maxDelay the longest wait before jitter; not shorter than {@code initialDelay}
	 * @param jitter the largest fraction by which a wait is shortened, between 0 and 1
	 * @param randomSource the random numbers, each between 0 and 1, that scale the jitter of each wait
	 * @throws IllegalArgumentException when a setting is out of range; the message names it
	 */
	public CerebrasBackOff(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay, double jitter,
			DoubleSupplier randomSource) {
		SettingChecks.maxRetries("maxRetries", maxRetries);
		SettingChecks.notNegative("initialDelay", initialDelay);
		SettingChecks.multiplier("multiplier", multiplier);
		SettingChecks.maxDelay("maxDelay", maxDelay, "initialDelay", initialDelay);
		SettingChecks.fraction("jitter", jitter);
		this.maxRetries = maxRetries;
		this.initialDelay = initialDelay;
		this.multiplier = multiplier;
		this.maxDelay = maxDelay;
		this.jitter = jitter;
		this.randomSource = randomSource;
	}

	/**
	 * Returns how many waits an execution gives before {@link BackOffExecution#STOP}.
	 * @return the maximum number of retries
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	/**
	 * Returns the wait before the first retry, before jitter.
	 * @return the initial delay
	 */
	public Duration initialDelay() {
		return this.initialDelay;
	}

	/**
	 * Returns the factor between two consecutive waits.
	 * @return the multiplier
	 */
	public double multiplier() {
		return this.multiplier;
	}

	/**
	 * Returns the longest wait, before jitter.
	 * @return the maximum delay
	 */
	public Duration maxDelay() {
		return this.maxDelay;
	}

	/**
	 * Returns the largest fraction by which a wait is shortened.
	 * @return the jitter, between 0 and 1
	 */
	public double jitter() {
		return this.jitter;
	}

	/**
	 * Starts a new retry sequence, independent of any other.
	 * @return an execution giving at most {@link #maxRetries()} waits, in milliseconds
	 */
	@Override
	public BackOffExecution start() {
		return new Execution();
	}

	@Override
	public String toString() {
		return "CerebrasBackOff[maxRetries=" + this.maxRetries + ", initialDelay=" + this.initialDelay
				+ ", multiplier=" + this.multiplier + ", maxDelay=" + this.maxDelay + ", jitter=" + this.jitter + "]";
	}

	private static double millis(Duration duration) {
		return duration.getSeconds() * 1e3 + duration.getNano() / 1e6;
	}

	/**
	 * One retry sequence. The next wait before jitter is kept capped at the maximum delay, so it never overflows
	 * however many retries are allowed.
	 */
	private final class Execution implements BackOffExecution {

		private final double maxMillis = millis(CerebrasBackOff.this.maxDelay);

		private double nextMillis = millis(CerebrasBackOff.this.initialDelay);

		private int given;

		@Override
		public long nextBackOff() {
			if (this.given >= CerebrasBackOff.this.maxRetries) {
				return STOP;
			}
			this.given++;
			double delay = this.nextMillis;
			this.nextMillis = Math.min(delay * CerebrasBackOff.this.multiplier, this.maxMillis);
			double shortening = CerebrasBackOff.this.randomSource.getAsDouble() * CerebrasBackOff.this.jitter;
			return Math.round(delay * (1 - shortening));
		}

	}

}
