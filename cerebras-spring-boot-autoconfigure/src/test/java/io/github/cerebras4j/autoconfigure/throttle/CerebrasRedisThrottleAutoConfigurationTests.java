package io.github.cerebras4j.autoconfigure.throttle;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration;
import io.github.cerebras4j.autoconfigure.health.CerebrasThrottleHealthContributorAutoConfiguration;
import io.github.cerebras4j.autoconfigure.metrics.CerebrasMetricsAutoConfiguration;
import io.github.cerebras4j.autoconfigure.metrics.CerebrasThrottleStoreMeters;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.throttle.redis.RedisBudgetStore;
import io.github.cerebras4j.throttle.redis.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * {@code cerebras.throttle.store=redis} on Spring Boot's Redis ({@code spring.data.redis.*}) and a real Redis: the
 * {@link RedisBudgetStore} bean, which two applications share, so that one's calls and headers throttle the other's;
 * its health and meters while Redis is stopped; what start-up says when a piece is missing.
 */
class CerebrasRedisThrottleAutoConfigurationTests {

	@RegisterExtension
	static final RedisServerProcess redis = new RedisServerProcess();

	@RegisterExtension
	static final RedisServerProcess redisWithPassword = RedisServerProcess.withPassword("s3cr3t-fl33t");

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private static final String CHAT = "/v1/chat/completions";

	private static final String MODEL = "llama3.1-8b";

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model(MODEL)
		.user("Hi")
		.maxCompletionTokens(50)
		.build();

	private final String prefix = "test:" + UUID.randomUUID() + ":";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				CerebrasRedisThrottleAutoConfiguration.class, CerebrasAutoConfiguration.class))
		.withPropertyValues("cerebras.api-key=csk-throttle-2c4e6a8b0d1f3e5a7c9b", "cerebras.retry.max-retries=0",
				"cerebras.warm-up.enabled=false", "cerebras.base-url=http://127.0.0.1:" + server.getPort(),
				"cerebras.throttle.enabled=true", "cerebras.throttle.store=redis", "cerebras.throttle.max-wait=0s",
				"cerebras.throttle.redis.key-prefix=" + this.prefix,
				// a timeout that a busy machine does not exceed while Redis runs
				"cerebras.throttle.redis.timeout=3s", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redis.port());

	private static final String ANSWER = """
			{"id":"c1","object":"chat.completion","created":1,"model":"llama3.1-8b",
			 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello"}}]}
			""";

	/** An answer without usage, so that only the headers, which leave no token this minute, set the budget. */
	@BeforeEach
	void answerChatWithNoTokenLeft() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(ANSWER).withHeader("x-ratelimit-limit-tokens-minute", "100000")
			.withHeader("x-ratelimit-remaining-tokens-minute", "0")
			.withHeader("x-ratelimit-reset-tokens-minute", "42.5")));
	}

	@AfterEach
	void startRedisAgain() {
		redis.start();
	}

	@Test
	void theBudgetStoreIsRedisOnBootsConnection() {
		this.contextRunner.run((context) -> {
			assertThat(context).getBean(BudgetStore.class).isInstanceOf(RedisBudgetStore.class);
			context.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(keys(redis, null)).containsExactly(budgetsKey()));
			assertThat(context.getBean(RedisBudgetStore.class).isDegraded()).isFalse();
		});
	}

	@Test
	void twoApplicationsDrawFromOneBudget() {
		this.contextRunner.withPropertyValues("cerebras.throttle.limits.requests-per-minute=1")
			.run((first) -> this.contextRunner.withPropertyValues("cerebras.throttle.limits.requests-per-minute=1")
				.run((second) -> {
					first.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST);
					assertThatExceptionOfType(RateLimitException.class)
						.isThrownBy(() -> second.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST))
						.satisfies((ex) -> assertThat(ex.isThrottled()).isTrue())
						.withMessageContaining("requests per minute");
					server.verify(1, postRequestedFor(urlEqualTo(CHAT)));
					assertThat(first.getBean(RedisBudgetStore.class).isDegraded()).isFalse();
					assertThat(second.getBean(RedisBudgetStore.class).isDegraded()).isFalse();
				}));
	}

	@Test
	void theHeadersOneApplicationSeesThrottleTheOther() {
		this.contextRunner.run((first) -> this.contextRunner.run((second) -> {
			first.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST);
			// the headers are written to Redis after the response, without holding the call
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(keys(redis, null)).containsExactly(budgetsKey()));
			assertThatExceptionOfType(RateLimitException.class)
				.isThrownBy(() -> second.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST))
				.satisfies((ex) -> assertThat(ex.isThrottled()).isTrue())
				.withMessageContaining("tokens per minute");
			server.verify(1, postRequestedFor(urlEqualTo(CHAT)));
		}));
	}

	@Test
	void healthAndMetricsShowTheLocalFallbackWhileRedisIsStopped() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					CerebrasMetricsAutoConfiguration.class, CerebrasThrottleHealthContributorAutoConfiguration.class))
			.withPropertyValues("cerebras.throttle.limits.requests-per-minute=100")
			.run((context) -> {
				server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson(ANSWER)));
				CerebrasTemplate cerebras = context.getBean(CerebrasTemplate.class);
				HealthIndicator health = context.getBean("cerebrasThrottleHealthIndicator", HealthIndicator.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				cerebras.chat().completions().create(REQUEST);
				assertThat(health.health().getStatus()).isEqualTo(Status.UP);
				assertThat(health.health().getDetails()).containsExactly(entry("store", "redis"));
				assertThat(meters.get(CerebrasThrottleStoreMeters.DEGRADED).gauge().value()).isZero();
				redis.stop();
				cerebras.chat().completions().create(REQUEST);
				cerebras.chat().completions().create(REQUEST);
				server.verify(3, postRequestedFor(urlEqualTo(CHAT)));
				Health fallback = health.health();
				assertThat(fallback.getStatus()).as("the application still serves").isEqualTo(Status.UP);
				assertThat(fallback.getDetails()).containsEntry("store", "local fallback").containsKey("reason");
				assertThat(meters.get(CerebrasThrottleStoreMeters.DEGRADED).gauge().value()).isOne();
				assertThat(meters.get(CerebrasThrottleStoreMeters.FALLBACKS).functionCounter().count()).isOne();
			});
	}

	@Test
	void theHealthIndicatorTurnsOffAsBootsOwnDo() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(CerebrasThrottleHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.health.cerebrasthrottle.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RedisBudgetStore.class)
				.doesNotHaveBean("cerebrasThrottleHealthIndicator"));
	}

	@Test
	void bootsRedisPasswordIsUsed() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.port=" + redisWithPassword.port(),
					"spring.data.redis.password=s3cr3t-fl33t", "cerebras.throttle.limits.requests-per-day=5")
			.run((context) -> {
				context.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST);
				assertThat(context.getBean(RedisBudgetStore.class).isDegraded()).isFalse();
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(keys(redisWithPassword, "s3cr3t-fl33t")).contains(budgetsKey()));
			});
	}

	@Test
	void theApplicationsOwnBudgetStoreWins() {
		this.contextRunner.withBean("budgetStore", BudgetStore.class, LocalBudgetStore::new)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisBudgetStore.class)
				.getBean(BudgetStore.class)
				.isInstanceOf(LocalBudgetStore.class));
	}

	@Test
	void theLocalStoreNeedsNoRedis() {
		this.contextRunner.withPropertyValues("cerebras.throttle.store=local")
			.withConfiguration(AutoConfigurations.of(CerebrasThrottleHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RedisBudgetStore.class)
				.doesNotHaveBean("cerebrasThrottleHealthIndicator")
				.getBean(BudgetStore.class)
				.isInstanceOf(LocalBudgetStore.class));
	}

	@Test
	void withoutTheRedisModuleStartUpFailsSayingWhatToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RedisBudgetStore.class))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.throttle.store=redis")
				.hasMessageContaining("spring-boot-starter-data-redis")
				.hasMessageContaining("io.github.cerebras4j:cerebras-throttle-redis"));
	}

	@Test
	void invalidRedisSettingsFailAtStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("cerebras.throttle.redis.timeout=0s", "cerebras.throttle.redis.retry-interval=-1s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.throttle.redis.timeout")
				.hasMessageContaining("cerebras.throttle.redis.retry-interval"));
	}

	private String budgetsKey() {
		return this.prefix + "{" + MODEL + "}";
	}

	private List<String> keys(RedisServerProcess server, @Nullable String password) {
		String uri = (password != null) ? "redis://:" + password + "@127.0.0.1:" + server.port() : server.uri();
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(this.prefix + "*");
		}
		finally {
			client.shutdown();
		}
	}

}
