package io.github.cerebras4j.autoconfigure.health;

import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link CerebrasHealthIndicator}, contributed as {@code cerebras} to the actuator's
 * health when spring-boot-health is present and there is one {@link ReactiveCerebrasTemplate} bean (or a primary
 * one). {@code management.health.cerebras.enabled=false} turns it off as for Boot's own indicators, and so does
 * {@code cerebras.health.enabled=false}. The check uses {@code cerebras.health.timeout} and
 * {@code cerebras.health.cache-ttl}; its details show the host of the template's base URL.
 * {@code cerebras.health.include-in-root=false} keeps it out of the root status, for applications that place it only
 * in groups of their own (for example the readiness probe's).
 */
@AutoConfiguration(afterName = "io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration")
@ConditionalOnClass({ AbstractReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(ReactiveCerebrasTemplate.class)
@ConditionalOnEnabledHealthIndicator("cerebras")
@ConditionalOnBooleanProperty(name = "cerebras.health.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CerebrasProperties.class)
public final class CerebrasHealthContributorAutoConfiguration {

	/**
	 * Creates the auto-configuration, as Spring Boot does when it applies it.
	 */
	public CerebrasHealthContributorAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "cerebrasHealthIndicator")
	CerebrasHealthIndicator cerebrasHealthIndicator(ReactiveCerebrasTemplate template, CerebrasProperties properties) {
		CerebrasProperties.Health health = properties.getHealth();
		return new CerebrasHealthIndicator(template, template.baseUrl(), health.getTimeout(),
				health.getCacheTtl());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "cerebras.health.include-in-root", havingValue = false)
	static HealthEndpointGroupsPostProcessor cerebrasHealthRootStatusExclusion() {
		return new RootStatusExclusion("cerebras");
	}

}
