package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RateLimits.Window;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetLimits;
import io.github.cerebras4j.client.throttle.Cost;
import io.github.cerebras4j.client.throttle.Remaining;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisBudgetStore} on a real Redis: two stores, each with a Lettuce client of its own as two instances of an
 * application would have, draw from one budget and learn from each other's headers. Time is a {@link MutableClock}
 * that the stores follow, and with them the times they write to Redis. Each test has keys of its own, and checks at the end that Redis, not the
 * local fallback, answered.
 */
class RedisBudgetStoreTests {

	@RegisterExtension
	static final RedisServerProcess redis = new RedisServerProcess();

	private static final String MODEL = "llama3.1-8b";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final MutableClock clock = new MutableClock();

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisBudgetStore> stores = new ArrayList<>();

	@AfterEach
	void redisAnsweredEverythingThenClose() {
		this.stores.forEach((store) -> assertThat(store.isDegraded()).as("answered by the local fallback: %s",
				store.lastError()).isFalse());
		this.stores.forEach(RedisBudgetStore::close);
		this.clients.forEach(RedisClient::shutdown);
	}

	@Test
	void twoInstancesDrawFromOneBudget() {
		BudgetLimits limits = BudgetLimits.NONE.withRequests(Window.MINUTE, 3);
		RedisBudgetStore first = store(limits);
		RedisBudgetStore second = store(limits);
		assertThat(take(first, 1, 10)).isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 10)).isEqualTo(Admission.ADMITTED);
		assertThat(take(first, 1, 10)).isEqualTo(Admission.ADMITTED);
		Admission fourth = take(second, 1, 10);
		assertThat(fourth.admitted()).isFalse();
		assertThat(fourth.shortOf()).isEqualTo("requests per minute");
		assertThat(fourth.resetAfter()).as("the whole minute, which has not moved").isEqualTo(Duration.ofMinutes(1));
		assertThat(take(first, 1, 10).admitted()).isFalse();
	}

	@Test
	void headersReportedToOneInstanceAreSeenByTheOther() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE);
		update(first, tokens(1000L, 100L, Duration.ofSeconds(30)));
		Admission refused = take(second, 1, 150);
		assertThat(refused.admitted()).isFalse();
		assertThat(refused.shortOf()).isEqualTo("tokens per minute");
		assertThat(refused.resetAfter()).as("the server's reset").isEqualTo(Duration.ofSeconds(30));
		assertThat(take(second, 1, 100)).isEqualTo(Admission.ADMITTED);
		assertThat(take(first, 1, 1).admitted()).isFalse();
		update(second, tokens(1000L, 500L, Duration.ofSeconds(20)));
		assertThat(take(first, 1, 1).admitted())
			.as("a higher remainder of the same window does not raise the count: the server has not seen every call")
			.isFalse();
		update(second, tokens(1000L, 500L, Duration.ofSeconds(75)));
		assertThat(take(first, 1, 500)).as("the remainder of a later window wins").isEqualTo(Admission.ADMITTED);
	}

	@Test
	void aRefusalTakesNothingFromTheOtherBudgets() {
		RedisBudgetStore first = store(BudgetLimits.NONE.withRequests(Window.DAY, 2));
		RedisBudgetStore second = store(BudgetLimits.NONE.withRequests(Window.DAY, 2));
		update(first, tokens(1000L, 50L, Duration.ofSeconds(30)));
		assertThat(take(second, 1, 60).admitted()).isFalse();
		assertThat(take(second, 1, 60).admitted()).isFalse();
		assertThat(take(first, 1, 25)).as("the refused calls' requests were given back").isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 25)).isEqualTo(Admission.ADMITTED);
		Admission third = take(first, 1, 0);
		assertThat(third.shortOf()).isEqualTo("requests per day");
	}

	@Test
	void giveBackReturnsTokensUpToTheLimitAndTakesThemWhenNegative() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE);
		update(first, tokens(1000L, 200L, Duration.ofSeconds(30)));
		assertThat(take(first, 1, 200)).isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).admitted()).isFalse();
		giveBack(first, 150);
		assertThat(take(second, 1, 150)).isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).admitted()).isFalse();
		giveBack(first, 100);
		giveBack(second, -50);
		assertThat(take(first, 1, 51).admitted()).isFalse();
		assertThat(take(first, 1, 50)).isEqualTo(Admission.ADMITTED);
		giveBack(first, 990);
		giveBack(second, 500);
		assertThat(take(first, 1, 1000)).as("no more than the limit").isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).admitted()).isFalse();
	}

	@Test
	void aWindowRefillsToItsLimitAtTheReportedReset() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE);
		update(first, tokens(100L, 0L, Duration.ofSeconds(10)));
		assertThat(take(second, 1, 1).resetAfter()).as("the server's reset").isEqualTo(Duration.ofSeconds(10));
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(take(second, 1, 1).resetAfter()).isEqualTo(Duration.ofSeconds(6));
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(take(second, 1, 100)).isEqualTo(Admission.ADMITTED);
		Admission next = take(first, 1, 1);
		assertThat(next.admitted()).isFalse();
		assertThat(next.resetAfter()).as("the window's length is the reset first reported").isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theWindowIsTheLongestResetReported() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE);
		update(first, tokens(10L, 0L, Duration.ofSeconds(10)));
		update(second, tokens(10L, 0L, Duration.ofSeconds(30)));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(take(first, 1, 10)).isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).resetAfter()).isEqualTo(Duration.ofSeconds(30));
		// the server's reset wins, its shorter time does not shorten the window
		update(first, tokens(10L, 0L, Duration.ofSeconds(25)));
		this.clock.advance(Duration.ofSeconds(25));
		assertThat(take(second, 1, 10)).isEqualTo(Admission.ADMITTED);
		assertThat(take(first, 1, 1).resetAfter()).as("a shorter reset does not shorten the window")
			.isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void limitsKnownInAdvanceStartAFullWindowOfTheirNominalLength() {
		BudgetLimits limits = BudgetLimits.NONE.withTokens(Window.HOUR, 100);
		RedisBudgetStore first = store(limits);
		RedisBudgetStore second = store(limits);
		assertThat(take(first, 1, 60)).isEqualTo(Admission.ADMITTED);
		this.clock.advance(Duration.ofMinutes(15));
		Admission refused = take(second, 1, 60);
		assertThat(refused.shortOf()).isEqualTo("tokens per hour");
		assertThat(refused.resetAfter()).isEqualTo(Duration.ofMinutes(45));
		this.clock.advance(Duration.ofMinutes(45));
		assertThat(take(second, 1, 100)).isEqualTo(Admission.ADMITTED);
	}

	@Test
	void aCallLargerThanTheWholeWindowEmptiesAFullWindow() {
		RedisBudgetStore first = store(BudgetLimits.NONE.withTokens(Window.MINUTE, 100));
		RedisBudgetStore second = store(BudgetLimits.NONE.withTokens(Window.MINUTE, 100));
		assertThat(take(first, 1, 500)).as("left for the server to answer").isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).admitted()).isFalse();
		assertThat(take(second, 1, 500).admitted()).isFalse();
	}

	@Test
	void withoutLimitsOrHeadersEverythingIsAdmittedAndCountedForTheFirstReport() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE);
		for (int i = 0; i < 5; i++) {
			assertThat(take(first, 1, 1_000_000)).isEqualTo(Admission.ADMITTED);
		}
		giveBack(first, 10);
		assertThat(first.remaining()).isEqualTo(Map.of(MODEL, new Remaining(null, null)));
		assertThat(keys()).containsExactly(budgets());
		// the answer to the first call: the server may not have seen the others, which are counted
		update(second, tokens(10_000_000L, 9_000_000L, Duration.ofSeconds(30)));
		assertThat(second.remaining()).isEqualTo(Map.of(MODEL, new Remaining(null, 9_000_000L - 4_999_990L)));
		assertThat(take(first, 1, 4_000_010)).isEqualTo(Admission.ADMITTED);
		assertThat(take(second, 1, 1).admitted()).isFalse();
	}

	@Test
	void concurrentTakesOfManyInstancesNeverAdmitMoreThanTheBudgetWhileReportsMoveItsReset() {
		List<RedisBudgetStore> fleet = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			fleet.add(store(BudgetLimits.NONE));
		}
		update(fleet.get(0), tokens(200L, 200L, Duration.ofSeconds(30)));
		update(fleet.get(1), tokens(200L, 150L, Duration.ofSeconds(30)));
		// 400 takes of one token from 8 instances at once, and reports of the same window whose resets differ (as the
		// delays of their responses do) and whose higher remainders must not raise the count
		Flux<Admission> takes = Flux.range(0, 400)
			.flatMap((i) -> fleet.get(i % 8).take(MODEL, new Cost(0, 1)).subscribeOn(Schedulers.parallel()));
		Flux<Admission> reports = Flux.range(0, 40)
			.flatMap((i) -> fleet.get(i % 8)
				.update(MODEL, tokens(200L, 200L, Duration.ofMillis(29_000 + i * 25)))
				.subscribeOn(Schedulers.parallel())
				.then(Mono.<Admission>empty()));
		List<Admission> answers = Flux.merge(takes, reports).collectList().block(WAIT);
		assertThat(answers).hasSize(400);
		assertThat(answers.stream().filter(Admission::admitted).count()).as("one admission per token of the budget")
			.isEqualTo(150);
	}

	@Test
	void theWindowsFollowRedisClockNotTheInstances() {
		// an instance whose clock is an hour ahead, and one on the true time
		RedisBudgetStore ahead = onRedisClock(InstantSource.offset(InstantSource.system(), Duration.ofHours(1)));
		RedisBudgetStore onTime = onRedisClock(InstantSource.system());
		update(ahead, tokens(100L, 0L, Duration.ofSeconds(30)));
		Admission refused = take(onTime, 1, 1);
		assertThat(refused.admitted()).isFalse();
		assertThat(refused.resetAfter()).as("the reset the other instance learnt, not an hour later")
			.isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
		try (StatefulRedisConnection<String, String> connection = connection()) {
			List<String> time = connection.sync().time();
			long redisMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
			long reset = Long.parseLong(connection.sync().hget(budgets(), "tokens:minute:reset"));
			assertThat(reset - redisMillis).as("the reset on Redis's clock")
				.isBetween(Duration.ofSeconds(20).toMillis(), Duration.ofSeconds(30).toMillis());
		}
	}

	@Test
	void aModelsBudgetsAreOneHashKeptUntilTheirWindowsEndAndThenWhileIdle() {
		RedisBudgetStore store = RedisBudgetStore.builder(client())
			.maxSpread(Duration.ZERO)
			.keyPrefix(this.prefix)
			.clock(this.clock)
			.redisClock(false)
			.timeout(WAIT)
			.keepIdle(Duration.ofMinutes(5))
			.build();
		this.stores.add(store);
		RateLimits limits = new RateLimits(
				Map.of(Window.DAY, new RateLimits.Bucket(1000L, 999L, Duration.ofHours(2))),
				Map.of(Window.MINUTE, new RateLimits.Bucket(1000L, 400L, Duration.ofSeconds(30))));
		update(store, limits);
		assertThat(keys()).containsExactly(budgets());
		take(store, 1, 10);
		String instances = budgets() + ":instances";
		assertThat(keys()).containsExactlyInAnyOrder(budgets(), instances);
		try (StatefulRedisConnection<String, String> connection = connection()) {
			assertThat(connection.sync().pttl(budgets())).isPositive()
				.isLessThanOrEqualTo(Duration.ofHours(2).plusMinutes(5).toMillis());
			assertThat(connection.sync().hget(budgets(), "tokens:minute:remaining")).isEqualTo("390");
			assertThat(connection.sync().pttl(instances)).isPositive()
				.isLessThanOrEqualTo(RedisBudgetStore.FLEET_MEMORY.toMillis());
		}
	}

	@Test
	void remainingIsWhatTheStoreLastSaw() {
		RedisBudgetStore first = store(BudgetLimits.NONE);
		RedisBudgetStore second = store(BudgetLimits.NONE.withRequests(Window.DAY, 1000));
		update(first, tokens(1000L, 400L, Duration.ofSeconds(30)));
		assertThat(second.remaining()).isEmpty();
		take(second, 1, 100);
		second.close();
		assertThat(second.remaining()).as("without asking Redis, which the closed store cannot")
			.isEqualTo(Map.of(MODEL, new Remaining(999L, 300L)));
		assertThat(first.remaining()).isEqualTo(Map.of(MODEL, new Remaining(null, 400L)));
	}

	private RedisBudgetStore store(BudgetLimits limits) {
		RedisBudgetStore store = RedisBudgetStore.builder(client())
			.maxSpread(Duration.ZERO)
			.keyPrefix(this.prefix)
			.limits(limits)
			.clock(this.clock)
			.redisClock(false)
			.timeout(WAIT)
			.build();
		this.stores.add(store);
		return store;
	}

	private RedisBudgetStore onRedisClock(InstantSource clock) {
		RedisBudgetStore store = RedisBudgetStore.builder(client())
			.maxSpread(Duration.ZERO)
			.keyPrefix(this.prefix)
			.clock(clock)
			.timeout(WAIT)
			.build();
		this.stores.add(store);
		return store;
	}

	private RedisClient client() {
		RedisClient client = RedisClient.create(redis.uri());
		this.clients.add(client);
		return client;
	}

	private StatefulRedisConnection<String, String> connection() {
		return client().connect();
	}

	private String budgets() {
		return this.prefix + "{" + MODEL + "}";
	}

	private List<String> keys() {
		try (StatefulRedisConnection<String, String> connection = connection()) {
			return connection.sync().keys(this.prefix + "*");
		}
	}

	private static Admission take(RedisBudgetStore store, long requests, long tokens) {
		return store.take(MODEL, new Cost(requests, tokens)).block(WAIT);
	}

	private static void update(RedisBudgetStore store, RateLimits limits) {
		store.update(MODEL, limits).block(WAIT);
	}

	private static void giveBack(RedisBudgetStore store, long tokens) {
		store.giveBack(MODEL, tokens).block(WAIT);
	}

	private static RateLimits tokens(Long limit, Long remaining, Duration resetAfter) {
		return new RateLimits(Map.of(), Map.of(Window.MINUTE, new RateLimits.Bucket(limit, remaining, resetAfter)));
	}

}
