package io.github.cerebras4j.autoconfigure.metrics;

import java.time.Duration;
import java.util.Set;

import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

import org.springframework.util.Assert;

/**
 * Gives the timers of call duration ({@code gen_ai.client.operation.duration}) and time to first token
 * ({@code gen_ai.client.operation.time_to_first_chunk}) the distribution of {@code cerebras.metrics.*}: by default
 * a percentile histogram and service-level-objective buckets from 10 ms to 30 s that resolve Cerebras' sub-second
 * latencies. Other meters are left as they are. What a later filter sets, such as Spring Boot's
 * {@code management.metrics.distribution.*}, wins over this one.
 */
public final class CerebrasLatencyMeterFilter implements MeterFilter {

	private static final Set<String> TIMERS = Set.of(DefaultCerebrasObservationConvention.NAME,
			CerebrasMeterObservationHandler.TIME_TO_FIRST_CHUNK);

	private final DistributionStatisticConfig distribution;

	/**
	 * Creates a filter applying the distribution the properties describe.
	 * @param metrics the {@code cerebras.metrics.*} properties
	 */
	public CerebrasLatencyMeterFilter(CerebrasProperties.Metrics metrics) {
		Assert.notNull(metrics, "'metrics' must not be null");
		double[] percentiles = metrics.getPercentiles();
		Duration[] buckets = metrics.getBuckets();
		double[] slos = new double[buckets.length];
		for (int i = 0; i < buckets.length; i++) {
			slos[i] = buckets[i].toNanos();
		}
		this.distribution = DistributionStatisticConfig.builder()
			.percentilesHistogram(metrics.isPercentilesHistogram())
			.percentiles((percentiles.length > 0) ? percentiles.clone() : null)
			.serviceLevelObjectives((slos.length > 0) ? slos : null)
			.build();
	}

	@Override
	public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
		if (id.getType() == Meter.Type.TIMER && TIMERS.contains(id.getName())) {
			return this.distribution.merge(config);
		}
		return config;
	}

}
