package io.github.cerebras4j.autoconfigure.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call duration and time to first token timers get the distribution of {@code cerebras.metrics.*}; other
 * meters are left alone.
 */
class CerebrasLatencyMeterFilterTests {

	private static final String DURATION = DefaultCerebrasObservationConvention.NAME;

	private static final String TIME_TO_FIRST_CHUNK = CerebrasMeterObservationHandler.TIME_TO_FIRST_CHUNK;

	private final CerebrasProperties.Metrics properties = new CerebrasProperties().getMetrics();

	@Test
	void latencyTimersHavePercentileHistogramsByDefault() {
		CerebrasLatencyMeterFilter filter = new CerebrasLatencyMeterFilter(this.properties);

		assertThat(filter.configure(timerId(DURATION), DistributionStatisticConfig.NONE).isPercentileHistogram())
			.isTrue();
		assertThat(filter.configure(timerId(TIME_TO_FIRST_CHUNK), DistributionStatisticConfig.NONE)
			.isPercentileHistogram()).isTrue();
	}

	@Test
	void latencyTimersHaveSubSecondBucketsByDefault() {
		SimpleMeterRegistry meters = registry(new CerebrasLatencyMeterFilter(this.properties));

		Timer duration = Timer.builder(DURATION).register(meters);
		Timer timeToFirstChunk = Timer.builder(TIME_TO_FIRST_CHUNK).register(meters);
		duration.record(Duration.ofMillis(180));
		timeToFirstChunk.record(Duration.ofMillis(80));

		assertThat(bucketsInMillis(duration.takeSnapshot())).contains(10.0, 25.0, 50.0, 100.0, 200.0, 500.0, 1000.0,
				30000.0);
		assertThat(countAt(timeToFirstChunk.takeSnapshot(), 100)).isEqualTo(1);
		assertThat(countAt(timeToFirstChunk.takeSnapshot(), 50)).isZero();
		assertThat(countAt(duration.takeSnapshot(), 200)).isEqualTo(1);
		assertThat(countAt(duration.takeSnapshot(), 100)).isZero();
	}

	@Test
	void bucketsAndPercentilesComeFromTheProperties() {
		this.properties.setBuckets(new Duration[] { Duration.ofMillis(40), Duration.ofMillis(400) });
		this.properties.setPercentiles(new double[] { 0.5, 0.99 });
		SimpleMeterRegistry meters = registry(new CerebrasLatencyMeterFilter(this.properties));

		Timer duration = Timer.builder(DURATION).register(meters);
		duration.record(Duration.ofMillis(120));

		HistogramSnapshot snapshot = duration.takeSnapshot();
		assertThat(bucketsInMillis(snapshot)).containsExactly(40.0, 400.0);
		assertThat(snapshot.percentileValues()).extracting(ValueAtPercentile::percentile).containsExactly(0.5, 0.99);
	}

	@Test
	void histogramsCanBeTurnedOff() {
		this.properties.setPercentilesHistogram(false);
		this.properties.setBuckets(new Duration[0]);
		CerebrasLatencyMeterFilter filter = new CerebrasLatencyMeterFilter(this.properties);
		SimpleMeterRegistry meters = registry(filter);

		Timer duration = Timer.builder(DURATION).register(meters);
		duration.record(Duration.ofMillis(120));

		assertThat(duration.takeSnapshot().histogramCounts()).isEmpty();
		assertThat(filter.configure(timerId(DURATION), DistributionStatisticConfig.NONE).isPercentileHistogram())
			.isFalse();
	}

	@Test
	void otherMetersAreLeftAlone() {
		SimpleMeterRegistry meters = registry(new CerebrasLatencyMeterFilter(this.properties));

		Timer other = Timer.builder("http.client.requests").register(meters);
		LongTaskTimer active = LongTaskTimer.builder(DURATION + ".active").register(meters);
		DistributionSummary tokens = DistributionSummary.builder(CerebrasMeterObservationHandler.TOKEN_USAGE)
			.register(meters);
		other.record(Duration.ofMillis(120));
		tokens.record(12);

		assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
		assertThat(tokens.takeSnapshot().histogramCounts()).isEmpty();
		assertThat(active.takeSnapshot().histogramCounts()).isEmpty();
	}

	@Test
	void whatEarlierFiltersSetIsKept() {
		CerebrasLatencyMeterFilter filter = new CerebrasLatencyMeterFilter(this.properties);
		DistributionStatisticConfig earlier = DistributionStatisticConfig.builder()
			.maximumExpectedValue((double) Duration.ofSeconds(5).toNanos())
			.build();

		DistributionStatisticConfig config = filter.configure(timerId(DURATION), earlier);

		assertThat(config.getMaximumExpectedValueAsDouble()).isEqualTo(Duration.ofSeconds(5).toNanos());
		assertThat(config.isPercentileHistogram()).isTrue();
	}

	private static SimpleMeterRegistry registry(CerebrasLatencyMeterFilter filter) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		meters.config().meterFilter(filter);
		return meters;
	}

	private static Meter.Id timerId(String name) {
		return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.TIMER);
	}

	private static double[] bucketsInMillis(HistogramSnapshot snapshot) {
		return Arrays.stream(snapshot.histogramCounts())
			.mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
			.toArray();
	}

	private static double countAt(HistogramSnapshot snapshot, double millis) {
		return Arrays.stream(snapshot.histogramCounts())
			.filter(bucket -> bucket.bucket(TimeUnit.MILLISECONDS) == millis)
			.mapToDouble(CountAtBucket::count)
			.findFirst()
			.orElseThrow();
	}

}
