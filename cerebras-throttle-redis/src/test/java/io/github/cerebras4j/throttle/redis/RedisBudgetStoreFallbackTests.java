package io.github.cerebras4j.throttle.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisBudgetStore} when Redis fails: every operation is still answered, by the local budget the store keeps
 * in step, within the store's timeout; the store says it is degraded, logs it once without credentials, and goes
 * back to Redis when Redis answers again. The Redis of this class is stopped and restarted by its tests.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisBudgetStoreFallbackTests {

	@RegisterExtension
	static final RedisServerProcess redis = new RedisServerProcess();

	private static final String MODEL = "llama3.1-8b";

	private static final Duration RETRY = Duration.ofSeconds(5);

	private static final String WARNING = "Redis did not answer the throttle";

	private static final Duration WAIT = Duration.ofSeconds(3);

	private final MutableClock clock = new MutableClock();

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<RedisBudgetStore> stores = new ArrayList<>();

	@AfterEach
	void closeAndRestartRedis() {
		this.stores.forEach(RedisBudgetStore::close);
		this.clients.forEach(RedisClient::shutdown);
		redis.start();
	}

	@Test
	void redisStoppedMidRunTheLocalBudgetAnswersUntilRedisIsBack() {
		// a timeout that a busy machine cannot exceed while Redis runs; the bound itself is the next test's
		RedisBudgetStore store = store(redis.uri(), BudgetLimits.NONE.withRequests(Window.MINUTE, 8), WAIT);
		RedisBudgetStore other = store(redis.uri(), BudgetLimits.NONE.withRequests(Window.MINUTE, 8), WAIT);
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		assertThat(answer(other.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		assertThat(store.isDegraded()).isFalse();
		redis.stop();
		// the local budget is this instance's half of what Redis last answered, the other instance's call included:
		// 5 requests left, 2 of them this instance's
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		assertThat(store.isDegraded()).isTrue();
		assertThat(store.lastError()).isNotBlank();
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		Admission refused = answer(store.take(MODEL, new Cost(1, 10)));
		assertThat(refused.admitted()).isFalse();
		assertThat(refused.shortOf()).isEqualTo("requests per minute");
		assertThat(store.remaining()).as("this instance's share").isEqualTo(Map.of(MODEL, new Remaining(0L, null)));
		// the first report the local budget has had, less the two calls taken while Redis was away
		answer(store.update(MODEL, requests(8L, 8L, Duration.ofSeconds(20))));
		answer(store.giveBack(MODEL, 5));
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).as("the headers reached the local budget")
			.isEqualTo(Admission.ADMITTED);
		assertThat(store.fallbacks()).isOne();
		redis.start();
		this.clock.advance(RETRY);
		Awaitility.await("the store back on Redis").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			answer(store.take(MODEL, new Cost(1, 10)));
			assertThat(store.isDegraded()).isFalse();
		});
		// the restarted Redis is empty: the budget starts again from the limits, shared again
		answer(other.update(MODEL, requests(8L, 0L, Duration.ofSeconds(20))));
		assertThat(answer(store.take(MODEL, new Cost(1, 10))).admitted()).isFalse();
		assertThat(store.isDegraded()).isFalse();
		assertThat(store.fallbacks()).isOne();
	}

	@Test
	void whileRedisIsAwayEachInstanceKeepsToItsShareOfTheFleetsBudget() {
		List<RedisBudgetStore> fleet = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			fleet.add(store(redis.uri(), BudgetLimits.NONE, WAIT));
		}
		answer(fleet.get(0).update(MODEL, tokens(1000L, 1000L, Duration.ofSeconds(30))));
		fleet.forEach((instance) -> assertThat(answer(instance.take(MODEL, new Cost(1, 10)))).isEqualTo(
				Admission.ADMITTED));
		redis.stop();
		RedisBudgetStore store = fleet.get(3);
		// a quarter of the 960 tokens Redis last answered: all four instances took lately
		assertThat(answer(store.take(MODEL, new Cost(1, 240)))).isEqualTo(Admission.ADMITTED);
		assertThat(store.isDegraded()).isTrue();
		assertThat(answer(store.take(MODEL, new Cost(1, 1))).admitted()).isFalse();
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(answer(store.take(MODEL, new Cost(1, 250)))).as("a new window: a quarter of the limit")
			.isEqualTo(Admission.ADMITTED);
		assertThat(answer(store.take(MODEL, new Cost(1, 1))).admitted()).isFalse();
		// the server's headers are the fleet's: a quarter of them is this instance's
		answer(store.update(MODEL, tokens(2000L, null, Duration.ofSeconds(30))));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(answer(store.take(MODEL, new Cost(1, 500)))).isEqualTo(Admission.ADMITTED);
		assertThat(answer(store.take(MODEL, new Cost(1, 1))).admitted()).isFalse();
	}

	@Test
	void aRedisDownAtStartUpIsNotAnError() {
		RedisBudgetStore store = store("redis://127.0.0.1:" + RedisServerProcess.freePort(),
				BudgetLimits.NONE.withRequests(Window.DAY, 1));
		assertThat(answer(store.take(MODEL, new Cost(1, 10)))).isEqualTo(Admission.ADMITTED);
		assertThat(store.isDegraded()).isTrue();
		assertThat(answer(store.take(MODEL, new Cost(1, 10))).shortOf()).isEqualTo("requests per day");
		this.clock.advance(RETRY);
		assertThat(answer(store.take(MODEL, new Cost(1, 10))).admitted()).as("Redis asked again, still down")
			.isFalse();
		assertThat(store.isDegraded()).isTrue();
	}

	@Test
	void aRedisThatDoesNotAnswerIsWaitedForNoLongerThanTheTimeout() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> accept(silent), "silent-redis");
			acceptor.setDaemon(true);
			acceptor.start();
			RedisBudgetStore store = store("redis://127.0.0.1:" + silent.getLocalPort() + "?timeout=60s",
					BudgetLimits.NONE.withTokens(Window.MINUTE, 100));
			assertThat(answer(store.take(MODEL, new Cost(1, 60)))).isEqualTo(Admission.ADMITTED);
			assertThat(store.isDegraded()).isTrue();
			assertThat(store.lastError()).contains("no answer within 200 ms");
			assertThat(answer(store.take(MODEL, new Cost(1, 60))).admitted()).isFalse();
		}
	}

	@Test
	void theSwitchIsLoggedOnceWithoutTheCredentials(CapturedOutput output) {
		int port = RedisServerProcess.freePort();
		RedisBudgetStore store = store("redis://cerebras:s3cr3t-pa55@127.0.0.1:" + port, BudgetLimits.NONE);
		for (int i = 0; i < 3; i++) {
			answer(store.take(MODEL, new Cost(1, 10)));
			this.clock.advance(RETRY);
		}
		assertThat(store.isDegraded()).isTrue();
		assertThat(store.lastError()).doesNotContain("s3cr3t-pa55").doesNotContain("cerebras:");
		assertThat(output.getAll().split(WARNING, -1)).as("the warning, once").hasSize(2);
		assertThat(output.getAll()).doesNotContain("s3cr3t-pa55");
	}

	private RedisBudgetStore store(String uri, BudgetLimits limits) {
		return store(uri, limits, RedisBudgetStore.DEFAULT_TIMEOUT);
	}

	private RedisBudgetStore store(String uri, BudgetLimits limits, Duration timeout) {
		RedisClient client = RedisClient.create(uri);
		this.clients.add(client);
		RedisBudgetStore store = RedisBudgetStore.builder(client)
			.maxSpread(Duration.ZERO)
			.keyPrefix(this.prefix)
			.limits(limits)
			.clock(this.clock)
			.redisClock(false)
			.timeout(timeout)
			.retryInterval(RETRY)
			.build();
		this.stores.add(store);
		return store;
	}

	/** The answer of an operation, which must come, and not as an error, whatever Redis does. */
	private static <T> T answer(Mono<T> operation) {
		List<T> answers = new ArrayList<>();
		StepVerifier.create(operation).recordWith(() -> answers).thenConsumeWhile((any) -> true)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		return answers.isEmpty() ? null : answers.get(0);
	}

	private static RateLimits requests(Long limit, Long remaining, Duration resetAfter) {
		return new RateLimits(Map.of(Window.MINUTE, new RateLimits.Bucket(limit, remaining, resetAfter)), Map.of());
	}

	private static RateLimits tokens(Long limit, Long remaining, Duration resetAfter) {
		return new RateLimits(Map.of(), Map.of(Window.MINUTE, new RateLimits.Bucket(limit, remaining, resetAfter)));
	}

	private static void accept(ServerSocket server) {
		List<Socket> open = new ArrayList<>();
		try {
			while (true) {
				open.add(server.accept());
			}
		}
		catch (IOException ex) {
			// closed by the test, and the connections with it
			open.forEach((socket) -> {
				try {
					socket.close();
				}
				catch (IOException ignored) {
				}
			});
		}
	}

}
