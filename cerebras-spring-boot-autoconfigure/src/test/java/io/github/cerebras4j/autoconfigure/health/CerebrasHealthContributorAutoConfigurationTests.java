package io.github.cerebras4j.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.health.HealthWireMock.ReceivedRequests;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.cerebras4j.autoconfigure.health.HealthWireMock.WARMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CerebrasHealthContributorAutoConfigurationTests {

	private static final ReceivedRequests received = new ReceivedRequests();

	@RegisterExtension
	static final WireMockExtension server = HealthWireMock.server(received);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasHealthContributorAutoConfiguration.class))
		.withPropertyValues("cerebras.base-url=https://api.example.com");

	private final ApplicationContextRunner withTemplate = this.contextRunner
		.withUserConfiguration(TemplateConfiguration.class);

	@BeforeEach
	void resetCount() {
		received.reset();
	}

	@Test
	void indicatorIsContributedWhenThereIsAReactiveTemplate() {
		this.withTemplate.run((context) -> assertThat(context).hasSingleBean(CerebrasHealthIndicator.class)
			.hasBean("cerebrasHealthIndicator"));
	}

	@Test
	void indicatorIsNotContributedWithoutAReactiveTemplate() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CerebrasHealthIndicator.class));
	}

	@Test
	void indicatorIsNotContributedWhenTheCerebrasHealthIndicatorIsDisabled() {
		this.withTemplate.withPropertyValues("management.health.cerebras.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CerebrasHealthIndicator.class));
	}

	@Test
	void indicatorIsNotContributedWhenDefaultHealthIndicatorsAreDisabled() {
		this.withTemplate.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CerebrasHealthIndicator.class));
	}

	@Test
	void indicatorIsNotContributedWhenCerebrasHealthIsDisabled() {
		this.withTemplate.withPropertyValues("cerebras.health.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CerebrasHealthIndicator.class));
	}

	@Test
	void indicatorIsNotContributedWithoutSpringBootHealth() {
		this.withTemplate.withClassLoader(new FilteredClassLoader(AbstractReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("cerebrasHealthIndicator"));
	}

	@Test
	void indicatorIsNotContributedWhenTemplatesAreAmbiguous() {
		this.withTemplate.withUserConfiguration(SecondTemplateConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CerebrasHealthIndicator.class));
	}

	@Test
	void indicatorChecksThePrimaryTemplateAmongSeveral() {
		this.withTemplate.withUserConfiguration(PrimaryTemplateConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(CerebrasHealthIndicator.class));
	}

	@Test
	void usersCerebrasHealthIndicatorWins() {
		this.withTemplate.withUserConfiguration(UserIndicatorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(CerebrasHealthIndicator.class);
			assertThat(context.getBean("cerebrasHealthIndicator")).isSameAs(UserIndicatorConfiguration.INDICATOR);
		});
	}

	@Test
	void detailsShowTheHostTheTemplateCallsNotAnotherBaseUrlProperty() {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(200)));
		this.withTemplate.run((context) -> assertThat(check(context).getDetails()).containsEntry("host", "127.0.0.1"));
	}

	@Test
	void healthTimeoutPropertyBoundsTheCheck() {
		// the server answers after 30 s: the check ends at its timeout, whose timer runs on Reactor's virtual clock
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(200).withFixedDelay(30_000)));
		this.withTemplate.withPropertyValues("cerebras.health.timeout=10s").run((context) -> {
			VirtualTimeScheduler clock = VirtualTimeScheduler.getOrSet();
			try {
				CompletableFuture<Health> health = context.getBean(CerebrasHealthIndicator.class).health().toFuture();
				await().atMost(Duration.ofSeconds(5)).until(() -> received.count() == 1);

				// the default of 2 s would have ended the check by now
				clock.advanceTimeBy(Duration.ofSeconds(10).minusMillis(1));
				assertThat(health).isNotDone();
				clock.advanceTimeBy(Duration.ofMillis(1));
				assertThat(health.get(5, TimeUnit.SECONDS).getDetails()).containsEntry("reason", "timeout");
			}
			finally {
				VirtualTimeScheduler.reset();
			}
		});
	}

	@Test
	void resultIsReusedByDefault() {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(200)));
		this.withTemplate.run((context) -> {
			check(context);
			check(context);

			assertThat(received.count()).isEqualTo(1);
		});
	}

	@Test
	void cacheTtlPropertyIsApplied() {
		server.stubFor(get(WARMING).willReturn(aResponse().withStatus(200)));
		this.withTemplate.withPropertyValues("cerebras.health.cache-ttl=0s").run((context) -> {
			check(context);
			check(context);

			assertThat(received.count()).isEqualTo(2);
		});
	}

	private static Health check(AssertableApplicationContext context) {
		return context.getBean(CerebrasHealthIndicator.class).health().block(Duration.ofSeconds(5));
	}

	@Configuration(proxyBeanMethods = false)
	static class TemplateConfiguration {

		@Bean
		ReactiveCerebrasTemplate reactiveCerebrasTemplate() {
			return HealthWireMock.template(HealthWireMock.baseUrl(server));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondTemplateConfiguration {

		@Bean
		ReactiveCerebrasTemplate secondCerebrasTemplate() {
			return HealthWireMock.template(HealthWireMock.baseUrl(server));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryTemplateConfiguration {

		@Bean
		@Primary
		ReactiveCerebrasTemplate primaryCerebrasTemplate() {
			return HealthWireMock.template(HealthWireMock.baseUrl(server));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicatorConfiguration {

		static final ReactiveHealthIndicator INDICATOR = () -> Mono.just(Health.up().build());

		@Bean
		ReactiveHealthIndicator cerebrasHealthIndicator() {
			return INDICATOR;
		}

	}

}
