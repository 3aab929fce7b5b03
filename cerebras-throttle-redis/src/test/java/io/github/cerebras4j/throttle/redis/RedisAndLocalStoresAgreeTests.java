package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store's script and {@link LocalBudgetStore} apply the same rules: the same seeded sequence of takes,
 * give-backs, reports and moves of the clock, given to both, gets the same admissions and leaves the same budgets
 * after every step. A rule changed in one and not in the other fails here, at the step where they part.
 */
class RedisAndLocalStoresAgreeTests {

	@RegisterExtension
	static final RedisServerProcess redis = new RedisServerProcess();

	private static final String MODEL = "llama3.1-8b";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final BudgetLimits LIMITS = BudgetLimits.NONE.withRequests(Window.MINUTE, 40)
		.withTokens(Window.HOUR, 20_000);

	private final MutableClock clock = new MutableClock();

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisBudgetStore> stores = new ArrayList<>();

	@AfterEach
	void close() {
		this.stores.forEach(RedisBudgetStore::close);
		this.clients.forEach(RedisClient::shutdown);
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void theSameStepsGetTheSameAnswersAndLeaveTheSameBudgets(long seed) {
		Random random = new Random(seed);
		BudgetLimits limits = random.nextBoolean() ? LIMITS : BudgetLimits.NONE;
		LocalBudgetStore local = new LocalBudgetStore(limits, this.clock);
		RedisBudgetStore shared = store(limits);
		for (int step = 0; step < 300; step++) {
			String description;
			int kind = random.nextInt(10);
			if (kind < 5) {
				Cost cost = new Cost(random.nextInt(2), random.nextInt(1_500));
				description = "take " + cost;
				Admission expected = local.take(MODEL, cost).block(WAIT);
				assertThat(shared.take(MODEL, cost).block(WAIT)).as("step %d: %s", step, description)
					.isEqualTo(expected);
			}
			else if (kind < 7) {
				long tokens = random.nextInt(1_200) - 200;
				description = "give back " + tokens;
				local.giveBack(MODEL, tokens).block(WAIT);
				shared.giveBack(MODEL, tokens).block(WAIT);
			}
			else if (kind < 9) {
				RateLimits reported = report(random);
				description = "report " + reported;
				local.update(MODEL, reported).block(WAIT);
				shared.update(MODEL, reported).block(WAIT);
			}
			else {
				Duration moved = Duration.ofMillis(random.nextInt(40_000));
				description = "clock moved " + moved;
				this.clock.advance(moved);
				continue;
			}
			assertThat(shared.remaining()).as("step %d: %s", step, description).isEqualTo(local.remaining());
			assertThat(shared.isDegraded()).as("answered by Redis: %s", shared.lastError()).isFalse();
		}
	}

	/** Some of a response's headers: the token budget per minute, often, and the request budget per day, at times. */
	private static RateLimits report(Random random) {
		Map<Window, RateLimits.Bucket> requests = new EnumMap<>(Window.class);
		Map<Window, RateLimits.Bucket> tokens = new EnumMap<>(Window.class);
		if (random.nextInt(4) > 0) {
			tokens.put(Window.MINUTE, new RateLimits.Bucket(random.nextBoolean() ? 10_000L : null,
					(long) random.nextInt(10_001), Duration.ofMillis(random.nextInt(61_000))));
		}
		if (random.nextInt(3) == 0) {
			requests.put(Window.DAY, new RateLimits.Bucket(1_000L, (long) random.nextInt(1_001),
					random.nextBoolean() ? Duration.ofHours(random.nextInt(24)) : null));
		}
		return new RateLimits(requests, tokens);
	}

	/** A Redis store on keys of its own. */
	private RedisBudgetStore store(BudgetLimits limits) {
		RedisClient client = RedisClient.create(redis.uri());
		this.clients.add(client);
		RedisBudgetStore store = RedisBudgetStore.builder(client)
			.maxSpread(Duration.ZERO)
			.keyPrefix("test:" + UUID.randomUUID() + ":")
			.limits(limits)
			.clock(this.clock)
			.redisClock(false)
			.timeout(WAIT)
			.build();
		this.stores.add(store);
		return store;
	}

}
