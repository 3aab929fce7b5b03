package io.github.cerebras4j.autoconfigure.throttle;

import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.throttle.redis.RedisBudgetStore;
import io.lettuce.core.RedisClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of the throttle's budgets in Redis: with {@code cerebras.throttle.enabled=true} and
 * {@code cerebras.throttle.store=redis}, a {@link RedisBudgetStore} on Spring Boot's Redis connection, unless the
 * application defines its own {@link BudgetStore}. It needs {@code cerebras-throttle-redis}
 * and Spring Boot's Redis with Lettuce ({@code spring-boot-starter-data-redis}); without them, start-up fails saying
 * so. The store opens its own connection from the Lettuce client of the {@link LettuceConnectionFactory}, so that
 * everything {@code spring.data.redis.*} sets applies to it: host and port or URL, user and password, database, SSL
 * (bundles included), Sentinel or Cluster, client name, timeouts and client options. Its keys start with
 * {@code cerebras.throttle.redis.key-prefix}; each Redis operation waits at most
 * {@code cerebras.throttle.redis.timeout}, after which the instance's share of the budget answers, until Redis is asked again
 * after {@code cerebras.throttle.redis.retry-interval}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		beforeName = "io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration")
@ConditionalOnClass({ RedisBudgetStore.class, RedisClient.class, LettuceConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "cerebras.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("cerebras.throttle.enabled")
@ConditionalOnProperty(name = "cerebras.throttle.store", havingValue = "redis")
@EnableConfigurationProperties(CerebrasProperties.class)
public final class CerebrasRedisThrottleAutoConfiguration {

	/**
	 * Creates the auto-configuration; Spring Boot does.
	 */
	public CerebrasRedisThrottleAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(BudgetStore.class)
	@ConditionalOnBean(LettuceConnectionFactory.class)
	RedisBudgetStore cerebrasRedisBudgetStore(LettuceConnectionFactory connectionFactory,
			CerebrasProperties properties) {
		CerebrasProperties.Throttle throttle = properties.getThrottle();
		CerebrasProperties.Throttle.Redis redis = throttle.getRedis();
		// the factory's client, looked up at each connection, since a factory that is stopped and started anew
		// replaces it
		return RedisBudgetStore.builder(connectionFactory::getRequiredNativeClient)
			.keyPrefix(redis.getKeyPrefix())
			.timeout(redis.getTimeout())
			.retryInterval(redis.getRetryInterval())
			.limits(throttle.getLimits().toBudgetLimits())
			.build();
	}

}
