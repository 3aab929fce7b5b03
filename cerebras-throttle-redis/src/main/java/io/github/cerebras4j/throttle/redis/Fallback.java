package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.log.LogAccessor;

/**
 * Whether the store asks Redis or answers from its local budget. After Redis fails (an error, or no answer within
 * the timeout) the store is degraded: it answers locally, without asking Redis, until the retry interval has passed;
 * then one operation at a time asks Redis again, and the first answer ends the degradation. Each switch is logged
 * once: to the local budget at WARN, back to Redis at INFO.
 */
final class Fallback {

	private static final LogAccessor logger = new LogAccessor(RedisBudgetStore.class);

	/** The user information of a URI ({@code redis://user:password@host}), never logged. */
	private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

	private final InstantSource clock;

	private final Duration retryInterval;

	private final AtomicBoolean probing = new AtomicBoolean();

	private final AtomicLong fallbacks = new AtomicLong();

	private volatile boolean degraded;

	private volatile Instant retryAt = Instant.MIN;

	private volatile @Nullable String lastError;

	Fallback(InstantSource clock, Duration retryInterval) {
		this.clock = clock;
		this.retryInterval = retryInterval;
	}

	/**
	 * Whether an operation should ask Redis: always when Redis answers; when degraded, once the retry interval has
	 * passed, and then only one operation at a time, which must {@link #release()} its turn when done.
	 */
	boolean askRedis() {
		if (!this.degraded) {
			return true;
		}
		return !this.clock.instant().isBefore(this.retryAt) && this.probing.compareAndSet(false, true);
	}

	void release() {
		this.probing.set(false);
	}

	void answered() {
		if (this.degraded) {
			this.degraded = false;
			logger.info("The throttle's budgets are shared through Redis again");
		}
	}

	void failed(Throwable ex) {
		this.retryAt = this.clock.instant().plus(this.retryInterval);
		String error = describe(ex);
		this.lastError = error;
		if (!this.degraded) {
			this.degraded = true;
			this.fallbacks.incrementAndGet();
			logger.warn(() -> "Redis did not answer the throttle (" + error + "); its budgets are this instance's "
					+ "own until Redis answers again, tried every " + this.retryInterval.toMillis() + " ms");
		}
	}

	boolean isDegraded() {
		return this.degraded;
	}

	@Nullable String lastError() {
		return this.lastError;
	}

	long fallbacks() {
		return this.fallbacks.get();
	}

	/**
	 * The exception's type and message, without a URI's user information.
	 */
	static String describe(Throwable ex) {
		String message = ex.getMessage();
		String description = ex.getClass().getSimpleName()
				+ ((message != null && !message.isBlank()) ? ": " + message : "");
		return USER_INFO.matcher(description).replaceAll("");
	}

}
