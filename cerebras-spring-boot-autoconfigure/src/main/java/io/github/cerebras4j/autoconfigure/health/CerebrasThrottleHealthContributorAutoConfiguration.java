package io.github.cerebras4j.autoconfigure.health;

import io.github.cerebras4j.throttle.redis.RedisBudgetStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link CerebrasThrottleHealthIndicator}, contributed as {@code cerebrasThrottle} to the
 * actuator's health when spring-boot-health is present and the throttle's budgets are in Redis (one
 * {@link RedisBudgetStore} bean). {@code management.health.cerebrasthrottle.enabled=false} turns it off.
 */
@AutoConfiguration(afterName = { "io.github.cerebras4j.autoconfigure.throttle.CerebrasRedisThrottleAutoConfiguration",
		"io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration" })
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, RedisBudgetStore.class })
@ConditionalOnSingleCandidate(RedisBudgetStore.class)
@ConditionalOnEnabledHealthIndicator("cerebrasthrottle")
public final class CerebrasThrottleHealthContributorAutoConfiguration {

	/**
	 * Creates the auto-configuration; Spring Boot does.
	 */
	public CerebrasThrottleHealthContributorAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "cerebrasThrottleHealthIndicator")
	CerebrasThrottleHealthIndicator cerebrasThrottleHealthIndicator(RedisBudgetStore store) {
		return new CerebrasThrottleHealthIndicator(store);
	}

}
