package io.github.cerebras4j.autoconfigure.metrics;

import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of the Cerebras client's metrics when Micrometer has a
 * {@link MeterRegistry}: a {@link CerebrasMeterObservationHandler}, which Spring Boot registers on the
 * {@code ObservationRegistry} beside the handler that times each call, a {@link CerebrasLatencyMeterFilter}
 * for the latency histograms and a {@link CerebrasModelTagMeterFilter} that keeps the name of at most
 * {@code cerebras.metrics.max-model-tags} distinct models in the tags; with the throttle on, the gauges of its budgets
 * ({@link CerebrasThrottleMeters}) and, for budgets in Redis, {@link CerebrasThrottleStoreMeters}.
 * {@code cerebras.metrics.enabled=false} or {@code cerebras.enabled=false} turns it off.
 */
@AutoConfiguration(
		after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				ObservationAutoConfiguration.class },
		beforeName = "io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, CerebrasObservationContext.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = { "cerebras.enabled", "cerebras.metrics.enabled" }, matchIfMissing = true)
@EnableConfigurationProperties(CerebrasProperties.class)
public final class CerebrasMetricsAutoConfiguration {

	/**
	 * Creates the auto-configuration, as Spring Boot does when it applies it.
	 */
	public CerebrasMetricsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	CerebrasMeterObservationHandler cerebrasMeterObservationHandler(MeterRegistry meterRegistry,
			CerebrasModelTagMeterFilter cerebrasModelTagMeterFilter) {
		return new CerebrasMeterObservationHandler(meterRegistry, cerebrasModelTagMeterFilter);
	}

	@Bean
	@ConditionalOnMissingBean
	CerebrasModelTagMeterFilter cerebrasModelTagMeterFilter(CerebrasProperties properties) {
		return new CerebrasModelTagMeterFilter(properties.getMetrics().getMaxModelTags());
	}

	/**
	 * Ordered before Spring Boot's own filter of {@code management.metrics.*} (order 0), so that its distribution
	 * properties still override ours.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Order(-1)
	CerebrasLatencyMeterFilter cerebrasLatencyMeterFilter(CerebrasProperties properties) {
		return new CerebrasLatencyMeterFilter(properties.getMetrics());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("cerebras.throttle.enabled")
	CerebrasThrottleMeters cerebrasThrottleMeters(MeterRegistry meterRegistry,
			ObjectProvider<BudgetStore> budgetStore) {
		return new CerebrasThrottleMeters(meterRegistry, budgetStore::getIfUnique);
	}

	/**
	 * The meters of the budgets in Redis, bound once the store exists (Spring Boot binds meter binders after every
	 * singleton), when it is a {@code RedisBudgetStore}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.cerebras4j.throttle.redis.RedisBudgetStore")
	@ConditionalOnBooleanProperty("cerebras.throttle.enabled")
	static class ThrottleStoreMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CerebrasThrottleStoreMeters cerebrasThrottleStoreMeters(ObjectProvider<BudgetStore> budgetStore) {
			return new CerebrasThrottleStoreMeters(budgetStore::getIfUnique);
		}

	}

}
