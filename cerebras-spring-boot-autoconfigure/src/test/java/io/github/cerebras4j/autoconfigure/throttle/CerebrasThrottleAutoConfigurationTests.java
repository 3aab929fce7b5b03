package io.github.cerebras4j.autoconfigure.throttle;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration;
import io.github.cerebras4j.autoconfigure.metrics.CerebrasMetricsAutoConfiguration;
import io.github.cerebras4j.autoconfigure.metrics.CerebrasThrottleMeters;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.error.RateLimitException;
import io.github.cerebras4j.client.throttle.Admission;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.Cost;
import io.github.cerebras4j.client.throttle.LocalBudgetStore;
import io.github.cerebras4j.client.throttle.Remaining;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code cerebras.throttle.*} properties: off by default; on, generations take their cost from a
 * {@link LocalBudgetStore} built from the limits (or the application's own {@link BudgetStore}), refusals are
 * {@link RateLimitException}s that were not sent, and the budgets show as gauges.
 */
class CerebrasThrottleAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = WireMockExtension.newInstance()
		.options(WireMockConfiguration.wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
		.build();

	private static final String CHAT = "/v1/chat/completions";

	private static final ChatCompletionRequest REQUEST = ChatCompletionRequest.builder()
		.model("llama3.1-8b")
		.user("Hi")
		.maxCompletionTokens(50)
		.build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasAutoConfiguration.class))
		.withPropertyValues("cerebras.api-key=csk-throttle-2c4e6a8b0d1f3e5a7c9b", "cerebras.retry.max-retries=0",
				"cerebras.warm-up.enabled=false", "cerebras.base-url=http://127.0.0.1:" + server.getPort());

	@BeforeEach
	void answerChat() {
		server.stubFor(post(urlEqualTo(CHAT)).willReturn(okJson("""
				{"id":"c1","object":"chat.completion","created":1,"model":"llama3.1-8b",
				 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello"}}],
				 "usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}
				""")));
	}

	@Test
	void offByDefault() {
		this.contextRunner.withPropertyValues("cerebras.throttle.limits.requests-per-minute=1").run((context) -> {
			assertThat(context).doesNotHaveBean(BudgetStore.class);
			CerebrasTemplate cerebras = context.getBean(CerebrasTemplate.class);
			cerebras.chat().completions().create(REQUEST);
			cerebras.chat().completions().create(REQUEST);
			server.verify(2, postRequestedFor(urlEqualTo(CHAT)));
		});
	}

	@Test
	void enabledThrottlesOnTheConfiguredLimits() {
		this.contextRunner
			.withPropertyValues("cerebras.throttle.enabled=true", "cerebras.throttle.max-wait=0s",
					"cerebras.throttle.limits.requests-per-minute=1")
			.run((context) -> {
				assertThat(context).getBean(BudgetStore.class).isInstanceOf(LocalBudgetStore.class);
				CerebrasTemplate cerebras = context.getBean(CerebrasTemplate.class);
				cerebras.chat().completions().create(REQUEST);
				assertThatExceptionOfType(RateLimitException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST))
					.satisfies((ex) -> assertThat(ex.isThrottled()).isTrue());
				server.verify(1, postRequestedFor(urlEqualTo(CHAT)));
			});
	}

	@Test
	void theApplicationsBudgetStoreIsUsed() {
		this.contextRunner.withPropertyValues("cerebras.throttle.enabled=true", "cerebras.throttle.max-wait=0s")
			.withUserConfiguration(RefusingStoreConfiguration.class)
			.run((context) -> {
				assertThat(context).getBean(BudgetStore.class).isSameAs(RefusingStoreConfiguration.STORE);
				assertThatExceptionOfType(RateLimitException.class)
					.isThrownBy(() -> context.getBean(CerebrasTemplate.class).chat().completions().create(REQUEST))
					.withMessageContaining("tokens per day");
				server.verify(0, postRequestedFor(urlEqualTo(CHAT)));
			});
	}

	@Test
	void aRedisStoreWithoutRedisFailsAtStartUpSayingWhatToAdd() {
		this.contextRunner.withPropertyValues("cerebras.throttle.enabled=true", "cerebras.throttle.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.throttle.store=redis")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	@Test
	void invalidSettingsFailAtStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("cerebras.throttle.enabled=true", "cerebras.throttle.max-wait=-1s",
					"cerebras.throttle.limits.tokens-per-minute=0", "cerebras.throttle.default-completion-tokens=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("cerebras.throttle.max-wait")
				.hasMessageContaining("cerebras.throttle.limits.tokens-per-minute")
				.hasMessageContaining("cerebras.throttle.default-completion-tokens"));
	}

	@Test
	void theBudgetAndTheWaitsAreMeasured() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					CerebrasMetricsAutoConfiguration.class))
			.withPropertyValues("cerebras.throttle.enabled=true", "cerebras.throttle.max-wait=0s",
					"cerebras.throttle.limits.requests-per-minute=1", "cerebras.throttle.limits.tokens-per-minute=10000")
			.run((context) -> {
				CerebrasTemplate cerebras = context.getBean(CerebrasTemplate.class);
				cerebras.chat().completions().create(REQUEST);
				assertThatExceptionOfType(RateLimitException.class)
					.isThrownBy(() -> cerebras.chat().completions().create(REQUEST));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get(CerebrasThrottleMeters.REMAINING).tag("resource", "requests").gauge().value())
					.isZero();
				assertThat(meters.get(CerebrasThrottleMeters.REMAINING).tag("resource", "tokens").gauge().value())
					.as("the limit less the 6 tokens used").isEqualTo(10_000 - 6);
				assertThat(meters.get("cerebras.client.throttle").tag("outcome", "admitted").timer().count())
					.isEqualTo(1);
				assertThat(meters.get("cerebras.client.throttle").tag("outcome", "refused").timer().count())
					.isEqualTo(1);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class RefusingStoreConfiguration {

		static final BudgetStore STORE = new BudgetStore() {

			@Override
			public Mono<Admission> take(String model, Cost cost) {
				return Mono.just(Admission.refused(Duration.ofHours(5), "tokens per day"));
			}

			@Override
			public Mono<Void> giveBack(String model, long tokens) {
				return Mono.empty();
			}

			@Override
			public Mono<Void> update(String model, RateLimits limits) {
				return Mono.empty();
			}

			@Override
			public Map<String, Remaining> remaining() {
				return Map.of();
			}

		};

		@Bean
		BudgetStore budgetStore() {
			return STORE;
		}

	}

}
