package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.Cost;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.client.throttle.Remaining;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import reactor.core.publisher.Mono;

/**
 * The throttle's budgets in Redis, shared by every instance that uses the same Redis and key prefix: they all draw
 * from one budget per model and learn from each other's rate-limit headers. Each model has, per window the server
 * reports (or the {@link BudgetLimits} name), a Bucket4j bucket of requests and one of tokens, under keys such as
 * {@code cerebras:throttle:{llama3.1-8b}:tokens:minute}, changed with Bucket4j's compare-and-swap through Lettuce's
 * asynchronous API, so that no thread waits for Redis. A bucket is a fixed window, as the server counts: it refills
 * to its whole limit at each reset. The headers of every response set it (limit, remaining, reset), as in
 * {@link LocalBudgetStore}; a bucket expires once it has been full and unused for {@link Builder#keepIdle a while}.
 *
 * <p>Redis never fails a call. Every Redis operation is bounded by a {@link Builder#timeout timeout}; on a timeout
 * or an error the store answers from a {@link LocalBudgetStore} that it keeps in step (every update and correction,
 * and every budget Redis answers, are applied to it), and asks Redis again after the {@link Builder#retryInterval
 * retry interval}, going back to it as soon as it answers. {@link #isDegraded()}, {@link #lastError()} and
 * {@link #fallbacks()} tell health checks and metrics. {@link #remaining()} is what the store last saw, without I/O.
 *
 * <p>The store opens its own connection from the application's {@link RedisClient} or {@link RedisClusterClient},
 * in the background once built, and again whenever it is no longer open (a Redis that is down at start-up is not an
 * error); {@link #close()} closes it.
 */
public final class RedisBudgetStore implements BudgetStore, AutoCloseable {

	/** The prefix of the keys by default. */
	public static final String DEFAULT_KEY_PREFIX = "cerebras:throttle:";

	/** The longest wait for Redis by default, before an operation is answered locally: 200 ms. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(200);

	/** The default spread of wake-ups after a reset, in milliseconds. */
	public static final long DEFAULT_MAX_SPREAD_MILLIS = 200;

	/** The default spread of wake-ups after a reset. */
	public static final Duration DEFAULT_MAX_SPREAD = Duration.ofMillis(DEFAULT_MAX_SPREAD_MILLIS);

	/** How long the store answers locally after Redis failed, before asking it again, by default: 5 s. */
	public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(5);

	/** How long a full bucket stays in Redis unused, by default: a day. */
	public static final Duration DEFAULT_KEEP_IDLE = Duration.ofDays(1);

	private final RedisConnector connector;

	private final RedisBuckets redis;

	private final LocalBudgetStore local;

	private final Fallback fallback;

	private final Duration timeout;

	private final String keyPrefix;

	private final Duration maxSpread;

	private final TakeQueue takes = new TakeQueue();

	private RedisBudgetStore(Builder builder) {
		this.connector = new RedisConnector(builder.client, builder.clock, builder.timeout, builder.keepIdle);
		this.redis = new RedisBuckets(this.connector::buckets, builder.keyPrefix, builder.limits, builder.clock);
		this.local = new LocalBudgetStore(builder.limits, builder.clock);
		this.fallback = new Fallback(builder.clock, builder.retryInterval);
		this.timeout = builder.timeout;
		this.keyPrefix = builder.keyPrefix;
		this.maxSpread = builder.maxSpread;
		// connects in the background, so that the first call does not wait for a new connection
		this.connector.buckets();
	}

	/**
	 * Starts a store on a Lettuce client.
	 * @param client a {@link RedisClient} (with its default URI) or a {@link RedisClusterClient}
	 * @return the builder
	 */
	public static Builder builder(AbstractRedisClient client) {
		Assert.notNull(client, "'client' must not be null");
		return builder(() -> client);
	}

	/**
	 * Starts a store on a Lettuce client looked up each time the store connects, for a client that is created or
	 * replaced later (Spring Data Redis's {@code LettuceConnectionFactory#getRequiredNativeClient}).
	 * @param client supplies a {@link RedisClient} (with its default URI) or a {@link RedisClusterClient}
	 * @return the builder
	 */
	public static Builder builder(Supplier<? extends AbstractRedisClient> client) {
		return new Builder(client);
	}

	@Override
	public Mono<Admission> take(String model, Cost cost) {
		return this.takes.enqueue(model, () -> withRedis(() -> this.redis.take(model, cost),
				(taken) -> this.local.set(model, taken.observed()).thenReturn(spread(taken.admission())),
				() -> this.local.take(model, cost)));
	}

	@Override
	public Mono<Void> giveBack(String model, long tokens) {
		return this.local.giveBack(model, tokens)
			.then(withRedis(() -> this.redis.giveBack(model, tokens).thenReturn(true), (done) -> Mono.<Void>empty(),
					Mono::empty));
	}

	@Override
	public Mono<Void> update(String model, RateLimits limits) {
		return this.local.update(model, limits)
			.then(withRedis(() -> this.redis.update(model, limits).thenReturn(true), (done) -> Mono.<Void>empty(),
					Mono::empty));
	}

	/**
	 * Returns what the store last saw of each model's budgets, from Redis's answers and the headers, or from the
	 * local budget while degraded; no I/O.
	 */
	@Override
	public Map<String, Remaining> remaining() {
		return this.local.remaining();
	}

	/**
	 * Spreads the wake-ups of calls refused together over a moment after the reset: otherwise every instance's
	 * waiting calls ask Redis at the same instant, and its compare-and-swap makes them queue (and the API gets them at
	 * once). At most a tenth of the wait, and at most the spread set.
	 */
	private Admission spread(Admission admission) {
		Duration resetAfter = admission.resetAfter();
		if (admission.admitted() || resetAfter == null || this.maxSpread.isZero()) {
			return admission;
		}
		long bound = Math.min(resetAfter.toNanos() / 10, this.maxSpread.toNanos());
		long extra = (bound > 0) ? ThreadLocalRandom.current().nextLong(bound) : 0;
		return Admission.refused(resetAfter.plusNanos(extra), String.valueOf(admission.shortOf()));
	}

	/**
	 * Runs an operation on Redis, bounded by the timeout, when Redis answers (or when it is time to ask it again),
	 * else, or when it fails, answers locally.
	 */
	private <R, T> Mono<T> withRedis(Supplier<Mono<R>> onRedis, Function<R, Mono<T>> answered,
			Supplier<Mono<T>> locally) {
		return Mono.defer(() -> {
			if (!this.fallback.askRedis()) {
				return locally.get();
			}
			return onRedis.get()
				.timeout(this.timeout, Mono.error(() -> new TimeoutException(
						"no answer within " + this.timeout.toMillis() + " ms")))
				.doFinally((signal) -> this.fallback.release())
				.materialize()
				.flatMap((signal) -> {
					if (signal.isOnError()) {
						this.fallback.failed(signal.getThrowable());
						return locally.get();
					}
					this.fallback.answered();
					R value = signal.get();
					return (value != null) ? answered.apply(value) : locally.get();
				});
		});
	}

	/**
	 * Tells whether Redis failed its last operation, so that the store answers from this instance's budget.
	 * @return {@code true} while the store is degraded
	 */
	public boolean isDegraded() {
		return this.fallback.isDegraded();
	}

	/**
	 * Returns the last error of Redis, without credentials: its type and message.
	 * @return the error, or {@code null} when Redis never failed
	 */
	public @Nullable String lastError() {
		return this.fallback.lastError();
	}

	/**
	 * Returns how many times the store switched to this instance's budget since it started.
	 * @return the count
	 */
	public long fallbacks() {
		return this.fallback.fallbacks();
	}

	/**
	 * Closes the store's connection to Redis; the client stays open. Later operations are answered locally.
	 */
	@Override
	public void close() {
		this.connector.close();
	}

	@Override
	public String toString() {
		return "RedisBudgetStore[keyPrefix=" + this.keyPrefix + ", degraded=" + isDegraded() + "]";
	}

	/**
	 * Builds a {@link RedisBudgetStore}.
	 */
	public static final class Builder {

		private final Supplier<? extends AbstractRedisClient> client;

		private String keyPrefix = DEFAULT_KEY_PREFIX;

		private Duration timeout = DEFAULT_TIMEOUT;

		private Duration retryInterval = DEFAULT_RETRY_INTERVAL;

		private Duration keepIdle = DEFAULT_KEEP_IDLE;

		private Duration maxSpread = DEFAULT_MAX_SPREAD;

		private BudgetLimits limits = BudgetLimits.NONE;

		private InstantSource clock = InstantSource.system();

		private Builder(Supplier<? extends AbstractRedisClient> client) {
			Assert.notNull(client, "'client' must not be null");
			this.client = client;
		}

		/**
		 * Sets the prefix of the store's keys; stores with the same Redis and prefix share their budgets.
		 * @param keyPrefix the prefix, {@value #DEFAULT_KEY_PREFIX} by default
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			Assert.notNull(keyPrefix, "'keyPrefix' must not be null");
			this.keyPrefix = keyPrefix;
			return this;
		}

		/**
		 * Sets the longest wait for Redis, after which an operation is answered from the local budget.
		 * @param timeout the wait, positive; 200 ms by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = positive("timeout", timeout);
			return this;
		}

		/**
		 * Sets how long the store answers from the local budget after Redis failed, before asking Redis again.
		 * @param retryInterval the interval, positive; 5 s by default
		 * @return this builder
		 */
		public Builder retryInterval(Duration retryInterval) {
			this.retryInterval = positive("retryInterval", retryInterval);
			return this;
		}

		/**
		 * Sets how long a bucket stays in Redis once it is full and unused; an expired budget is learnt again from
		 * the limits or the next response.
		 * @param keepIdle the time, zero or positive; a day by default
		 * @return this builder
		 */
		public Builder keepIdle(Duration keepIdle) {
			Assert.isTrue(keepIdle != null && !keepIdle.isNegative(), "'keepIdle' must not be negative");
			this.keepIdle = keepIdle;
			return this;
		}

		/**
		 * Sets the budgets known before the server reports any.
		 * @param limits the limits of every model until the server reports its own
		 * @return this builder
		 */
		public Builder limits(BudgetLimits limits) {
			Assert.notNull(limits, "'limits' must not be null");
			this.limits = limits;
			return this;
		}

		/**
		 * Sets the clock of the windows and of the retries, for tests; Bucket4j's refills follow it too.
		 * @param clock the clock, the system's by default
		 * @return this builder
		 */
		public Builder clock(InstantSource clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Sets how far after a budget's reset the calls it refused may be told to wait, at random, so that the
		 * instances' waiting calls do not all ask Redis at the same instant; at most a tenth of the wait.
		 * {@value RedisBudgetStore#DEFAULT_MAX_SPREAD_MILLIS} ms by default; zero for none.
		 * @param maxSpread zero or positive
		 * @return this builder
		 */
		public Builder maxSpread(Duration maxSpread) {
			Assert.isTrue(maxSpread != null && !maxSpread.isNegative(), "'maxSpread' must not be null or negative");
			this.maxSpread = maxSpread;
			return this;
		}

		/**
		 * Builds the store, which starts connecting to Redis in the background.
		 * @return the store
		 */
		public RedisBudgetStore build() {
			return new RedisBudgetStore(this);
		}

		private static Duration positive(String name, Duration value) {
			Assert.isTrue(value != null && !value.isNegative() && !value.isZero(),
					() -> "'" + name + "' must be positive, not " + value);
			return value;
		}

	}

}
