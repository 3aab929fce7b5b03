package io.github.cerebras4j.autoconfigure.metrics;

import java.util.function.Supplier;

import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.throttle.redis.RedisBudgetStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The meters of the throttle's budgets in Redis, when the {@link BudgetStore} is a {@link RedisBudgetStore}:
 * {@value #DEGRADED}, a gauge that is 1 while Redis does not answer and the instance's share of the budget does, 0
 * otherwise, and {@value #FALLBACKS}, a counter of the switches to the instance's share.
 */
public final class CerebrasThrottleStoreMeters implements MeterBinder {

	/** The name of the gauge of the fallback. */
	public static final String DEGRADED = "cerebras.throttle.store.degraded";

	/** The name of the counter of the switches to the fallback. */
	public static final String FALLBACKS = "cerebras.throttle.store.fallbacks";

	private final Supplier<@Nullable BudgetStore> store;

	/**
	 * Creates the meters' binder.
	 * @param store the store, looked up when the meters are bound; no meter is bound unless it is a
	 * {@link RedisBudgetStore}
	 */
	public CerebrasThrottleStoreMeters(Supplier<@Nullable BudgetStore> store) {
		this.store = store;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (this.store.get() instanceof RedisBudgetStore redis) {
			Gauge.builder(DEGRADED, redis, (store) -> store.isDegraded() ? 1 : 0)
				.tag("store", "redis")
				.description("Whether the throttle's budgets are this instance's own because Redis does not answer")
				.register(registry);
			FunctionCounter.builder(FALLBACKS, redis, RedisBudgetStore::fallbacks)
				.tag("store", "redis")
				.description("Times the throttle switched to this instance's share of the budgets because Redis did not answer")
				.register(registry);
		}
	}

}
