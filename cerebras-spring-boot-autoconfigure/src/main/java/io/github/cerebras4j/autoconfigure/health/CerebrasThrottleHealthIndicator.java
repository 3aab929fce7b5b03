package io.github.cerebras4j.autoconfigure.health;

import io.github.cerebras4j.throttle.redis.RedisBudgetStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the throttle's budgets in Redis, contributed as {@code cerebrasThrottle}: {@code UP} with the detail
 * {@code store: redis} while Redis answers; while it does not, still {@code UP}, since the application serves and
 * its calls are throttled on the instance's share of the budget, with {@code store: local fallback} and the {@code reason}.
 * The instance is not taken out of service for an outage of Redis, which Spring Boot's {@code redis} indicator
 * reports as such. The state is the one the store's last Redis operation left: the indicator reads it, without I/O.
 */
public class CerebrasThrottleHealthIndicator implements HealthIndicator {

	private final RedisBudgetStore store;

	/**
	 * Creates the indicator.
	 * @param store the store whose state to report
	 */
	public CerebrasThrottleHealthIndicator(RedisBudgetStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		if (!this.store.isDegraded()) {
			return Health.up().withDetail("store", "redis").build();
		}
		String reason = this.store.lastError();
		return Health.up()
			.withDetail("store", "local fallback")
			.withDetail("reason", (reason != null) ? reason : "unknown")
			.build();
	}

}
