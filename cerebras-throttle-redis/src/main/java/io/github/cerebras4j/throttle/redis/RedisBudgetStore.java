package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
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
 * from one budget per model and learn from each other's rate-limit headers. The budgets follow the rules of
 * {@link LocalBudgetStore} (fixed windows whose count each take lowers, whose limits and resets the server's headers
 * set, and whose remainders only lower the count within a window), applied by one Lua script that changes all of a
 * model's budgets in one atomic step, in one round trip: no instance's take is ever lost between another's read and
 * write. A model's budgets are one hash, such as {@code cerebras:throttle:{llama3.1-8b}}, kept until its windows end
 * and then {@link Builder#keepIdle a while}.
 *
 * <p>Redis never fails a call. Every Redis operation is bounded by a {@link Builder#timeout timeout}; on a timeout
 * or an error the store answers from a {@link LocalBudgetStore} of its own, and asks Redis again after the
 * {@link Builder#retryInterval retry interval}, going back to it as soon as it answers. That local budget is this
 * instance's share of the fleet's: every answer of Redis sets it to the budgets Redis holds, divided by the number of
 * instances that took from them in the last minute, so that while Redis is away the instances together keep to the
 * budget rather than each spending all of it. {@link #isDegraded()}, {@link #lastError()} and {@link #fallbacks()}
 * tell health checks and metrics. {@link #remaining()} is what the store last saw, without I/O.
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

	/** How long a model's budgets stay in Redis unused once their windows have ended, by default: a day. */
	public static final Duration DEFAULT_KEEP_IDLE = Duration.ofDays(1);

	/** How long after its last take an instance counts in the fleet whose share it keeps to while Redis is away. */
	static final Duration FLEET_MEMORY = Duration.ofMinutes(1);

	private final RedisConnector connector;

	private final RedisBudgets redis;

	private final LocalBudgetStore share;

	private final Fallback fallback;

	private final Duration timeout;

	private final String keyPrefix;

	private final Duration maxSpread;

	private final Map<String, Integer> fleet = new ConcurrentHashMap<>();

	private final Map<String, Remaining> seen = new ConcurrentHashMap<>();

	private RedisBudgetStore(Builder builder) {
		this.connector = new RedisConnector(builder.client);
		this.redis = new RedisBudgets(this.connector::commands, builder.keyPrefix, builder.limits,
				builder.redisClock ? null : builder.clock,
				builder.keepIdle, FLEET_MEMORY);
		this.share = new LocalBudgetStore(builder.limits, builder.clock);
		this.fallback = new Fallback(builder.clock, builder.retryInterval);
		this.timeout = builder.timeout;
		this.keyPrefix = builder.keyPrefix;
		this.maxSpread = builder.maxSpread;
		// connects in the background, so that the first call does not wait for a new connection
		this.connector.commands();
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
		return withRedis(() -> this.redis.take(model, cost),
				(answer) -> follow(model, answer).thenReturn(spread(answer.admission())),
				() -> this.share.take(model, cost));
	}

	@Override
	public Mono<Void> giveBack(String model, long tokens) {
		// this instance's own calls: what they did not use is its share's again, whoever counts
		return this.share.giveBack(model, tokens)
			.then(withRedis(() -> this.redis.giveBack(model, tokens), (answer) -> follow(model, answer),
					Mono::empty));
	}

	@Override
	public Mono<Void> update(String model, RateLimits limits) {
		return this.share.update(model, scaled(limits, share(model)))
			.then(withRedis(() -> this.redis.update(model, limits), (answer) -> follow(model, answer), Mono::empty));
	}

	/**
	 * Returns what the store last saw of each model's budgets: Redis's last answer, or, while degraded, this
	 * instance's share; no I/O.
	 */
	@Override
	public Map<String, Remaining> remaining() {
		return isDegraded() ? this.share.remaining() : Map.copyOf(this.seen);
	}

	/**
	 * Keeps what Redis answered: the fleet's size, the budgets for {@link #remaining()}, and this instance's share of
	 * them for when Redis is away.
	 */
	private Mono<Void> follow(String model, RedisBudgets.Answer answer) {
		if (answer.instances() > 0) {
			this.fleet.put(model, answer.instances());
		}
		RateLimits observed = answer.observed();
		this.seen.put(model, new Remaining(smallest(observed.requests()), smallest(observed.tokens())));
		return this.share.set(model, scaled(observed, share(model)));
	}

	/** This instance's share of a model's budgets: one over the instances that took from them lately. */
	private double share(String model) {
		return 1.0 / this.fleet.getOrDefault(model, 1);
	}

	private static RateLimits scaled(RateLimits limits, double share) {
		if (share >= 1) {
			return limits;
		}
		return new RateLimits(scaled(limits.requests(), share), scaled(limits.tokens(), share));
	}

	private static Map<Window, RateLimits.Bucket> scaled(Map<Window, RateLimits.Bucket> buckets, double share) {
		Map<Window, RateLimits.Bucket> scaled = new EnumMap<>(Window.class);
		buckets.forEach((window, bucket) -> {
			Long limit = (bucket.limit() != null) ? Math.max(1, (long) (bucket.limit() * share)) : null;
			Long remaining = (bucket.remaining() != null) ? (long) (bucket.remaining() * share) : null;
			scaled.put(window, new RateLimits.Bucket(limit, remaining, bucket.resetAfter()));
		});
		return scaled;
	}

	private static @Nullable Long smallest(Map<Window, RateLimits.Bucket> buckets) {
		Long smallest = null;
		for (RateLimits.Bucket bucket : buckets.values()) {
			Long remaining = bucket.remaining();
			if (remaining != null && (smallest == null || remaining < smallest)) {
				smallest = remaining;
			}
		}
		return smallest;
	}

	/**
	 * Spreads the wake-ups of calls refused together over a moment after the reset: otherwise every instance's
	 * waiting calls ask Redis at the same instant (and the API gets them at once). At most a tenth of the wait, and
	 * at most the spread set.
	 */
	private Admission spread(Admission admission) {
		Duration resetAfter = admission.resetAfter();
		if (admission.admitted() || resetAfter == null || this.maxSpread.isZero()) {
			return admission;
		}
		long bound = Math.min(resetAfter.toNanos() / 10, this.maxSpread.toNanos());
		long extra = (bound > 0) ? ThreadLocalRandom.current().nextLong(bound) : 0;
		return new Admission(false, resetAfter.plusNanos(extra), admission.shortOf());
	}

	/**
	 * Runs an operation on Redis, bounded by the timeout, when Redis answers (or when it is time to ask it again),
	 * else, or when it fails, answers locally.
	 */
	private <T> Mono<T> withRedis(Supplier<Mono<RedisBudgets.Answer>> onRedis,
			Function<RedisBudgets.Answer, Mono<T>> answered, Supplier<Mono<T>> locally) {
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
					RedisBudgets.Answer answer = signal.get();
					return (answer != null) ? answered.apply(answer) : locally.get();
				});
		});
	}

	/**
	 * Tells whether Redis failed its last operation, so that the store answers from this instance's share of the budget.
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
	 * Returns how many times the store switched to this instance's share of the budget since it started.
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

		private boolean redisClock = true;

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
		 * Sets how long a model's budgets stay in Redis unused once their windows have ended; an expired budget is
		 * learnt again from the limits or the next response.
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
		 * Sets this instance's clock, which its share of the budget while Redis is away and the retries of Redis
		 * follow, and with {@link #redisClock(boolean) redisClock(false)} the windows in Redis too; for tests.
		 * @param clock the clock, the system's by default
		 * @return this builder
		 */
		public Builder clock(InstantSource clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Sets whether the windows in Redis follow Redis's own clock (its {@code TIME}), which every instance shares,
		 * so that instances whose clocks are apart still end each window together; or this instance's
		 * {@link #clock(InstantSource) clock}, which tests move.
		 * @param redisClock {@code true} by default
		 * @return this builder
		 */
		public Builder redisClock(boolean redisClock) {
			this.redisClock = redisClock;
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
