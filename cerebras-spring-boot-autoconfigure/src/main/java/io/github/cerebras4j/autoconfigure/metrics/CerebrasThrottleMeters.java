package io.github.cerebras4j.autoconfigure.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.cerebras4j.client.throttle.BudgetStore;
import io.github.cerebras4j.client.throttle.Remaining;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;

/**
 * The gauges of the throttle's budgets: {@value #REMAINING} by model and {@code resource} ({@code requests},
 * {@code tokens}), what the {@link BudgetStore} last saw left (the smallest remainder over the windows it knows;
 * {@code NaN} while it knows none). A model's gauges are registered when the throttle first admits or refuses one of
 * its calls, which it observes as {@code cerebras.client.throttle}; that observation's timer (Boot's default meter
 * handler) counts the calls and their wait by {@code outcome}.
 */
public final class CerebrasThrottleMeters implements ObservationHandler<Observation.Context> {

	/** The name of the gauges. */
	public static final String REMAINING = "cerebras.throttle.remaining";


	private static final String MODEL = "gen_ai.request.model";

	private final MeterRegistry registry;

	private final Supplier<@Nullable BudgetStore> store;

	private final Set<String> models = ConcurrentHashMap.newKeySet();

	/**
	 * Creates the gauges' handler.
	 * @param registry where the gauges are registered
	 * @param store the budgets they read, looked up when the first gauge is registered (the store is defined after
	 * the metrics' configuration)
	 */
	public CerebrasThrottleMeters(MeterRegistry registry, Supplier<@Nullable BudgetStore> store) {
		this.registry = registry;
		this.store = store;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return ThrottleSettings.OBSERVATION_NAME.equals(context.getName());
	}

	@Override
	public void onStop(Observation.Context context) {
		KeyValue model = context.getLowCardinalityKeyValue(MODEL);
		BudgetStore store = this.store.get();
		if (model != null && store != null && this.models.add(model.getValue())) {
			register(store, model.getValue(), "requests", Remaining::requests);
			register(store, model.getValue(), "tokens", Remaining::tokens);
		}
	}

	private void register(BudgetStore budgets, String model, String resource,
			Function<Remaining, @Nullable Long> value) {
		Gauge.builder(REMAINING, budgets, (store) -> {
			Remaining remaining = store.remaining().get(model);
			Long left = (remaining != null) ? value.apply(remaining) : null;
			return (left != null) ? left : Double.NaN;
		})
			.tag(MODEL, model)
			.tag("resource", resource)
			.description("What the client's throttle last saw left of the model's budget")
			.register(this.registry);
	}

}
