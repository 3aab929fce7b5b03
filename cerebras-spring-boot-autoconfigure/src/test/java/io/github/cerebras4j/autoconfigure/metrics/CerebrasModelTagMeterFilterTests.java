package io.github.cerebras4j.autoconfigure.metrics;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CerebrasModelTagMeterFilter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CerebrasModelTagMeterFilterTests {

	private static final String MODEL = "gen_ai.request.model";

	private static final String DURATION = DefaultCerebrasObservationConvention.NAME;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void firstModelsKeepTheirNameAndLaterOnesAreTaggedOther() {
		this.meters.config().meterFilter(new CerebrasModelTagMeterFilter(3));

		for (int i = 0; i < 8; i++) {
			retries("model-" + i).increment();
		}

		assertThat(models(CerebrasMeterObservationHandler.RETRIES)).containsExactlyInAnyOrder("model-0", "model-1",
				"model-2", "other");
		assertThat(this.meters.get(CerebrasMeterObservationHandler.RETRIES).tag(MODEL, "other").counter().count())
			.isEqualTo(5);
	}

	@Test
	void modelKeepsItsNameAfterTheLimitIsReached() {
		this.meters.config().meterFilter(new CerebrasModelTagMeterFilter(1));
		retries("model-0").increment();
		retries("model-1").increment();

		retries("model-0").increment();

		assertThat(this.meters.get(CerebrasMeterObservationHandler.RETRIES).tag(MODEL, "model-0").counter().count())
			.isEqualTo(2);
	}

	@Test
	void callTimersAreBoundedByTheirProviderTag() {
		this.meters.config().meterFilter(new CerebrasModelTagMeterFilter(2));

		for (int i = 0; i < 5; i++) {
			Timer.builder(DURATION).tag("gen_ai.provider.name", "cerebras").tag(MODEL, "model-" + i).register(this.meters);
		}

		assertThat(models(DURATION)).containsExactlyInAnyOrder("model-0", "model-1", "other");
	}

	@Test
	void meterOfAnotherProviderIsLeftAlone() {
		this.meters.config().meterFilter(new CerebrasModelTagMeterFilter(2));

		for (int i = 0; i < 5; i++) {
			Timer.builder(DURATION).tag("gen_ai.provider.name", "openai").tag(MODEL, "model-" + i).register(this.meters);
		}

		assertThat(models(DURATION)).hasSize(5);
	}

	@Test
	void zeroTagsEveryModelOther() {
		this.meters.config().meterFilter(new CerebrasModelTagMeterFilter(0));

		retries("model-0").increment();

		assertThat(models(CerebrasMeterObservationHandler.RETRIES)).containsExactly("other");
	}

	@Test
	void concurrentModelsNeverExceedTheLimit() {
		CerebrasModelTagMeterFilter filter = new CerebrasModelTagMeterFilter(10);

		Set<String> tags = IntStream.range(0, 2000)
			.parallel()
			.mapToObj((i) -> filter.modelTag("model-" + i))
			.collect(Collectors.toSet());

		assertThat(tags).hasSize(11).contains("other");
	}

	@Test
	void otherIsNeverCountedAsAModel() {
		CerebrasModelTagMeterFilter filter = new CerebrasModelTagMeterFilter(1);

		assertThat(filter.modelTag("other")).isEqualTo("other");
		assertThat(filter.modelTag("model-0")).isEqualTo("model-0");
	}

	@Test
	void reachingTheLimitIsLoggedOnce(CapturedOutput output) {
		CerebrasModelTagMeterFilter filter = new CerebrasModelTagMeterFilter(1);
		filter.modelTag("model-0");

		filter.modelTag("model-1");
		filter.modelTag("model-2");

		assertThat(output.toString().split("cerebras.metrics.max-model-tags", -1)).hasSize(2);
		assertThat(output).contains("(1)").doesNotContain("model-1").doesNotContain("model-2");
	}

	@Test
	void negativeLimitIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CerebrasModelTagMeterFilter(-1))
			.withMessageContaining("maxModelTags");
	}

	private Counter retries(String model) {
		return Counter.builder(CerebrasMeterObservationHandler.RETRIES).tag(MODEL, model).register(this.meters);
	}

	private Set<String> models(String name) {
		return this.meters.find(name)
			.meters()
			.stream()
			.map(Meter::getId)
			.map((id) -> id.getTag(MODEL))
			.collect(Collectors.toSet());
	}

}
