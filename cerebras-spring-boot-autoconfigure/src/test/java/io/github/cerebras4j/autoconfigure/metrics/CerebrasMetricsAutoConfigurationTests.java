package io.github.cerebras4j.autoconfigure.metrics;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.cerebras4j.autoconfigure.CerebrasProperties;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.RATE_LIMIT_REMAINING;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.TIME_TO_FIRST_CHUNK;
import static io.github.cerebras4j.autoconfigure.metrics.CerebrasMeterObservationHandler.TOKEN_USAGE;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.REQUEST;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.answerChatInTurn;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.chatCompletion;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.chatStream;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.eventStream;
import static io.github.cerebras4j.autoconfigure.metrics.MetricsWireMock.words;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics auto-configuration: present with a meter registry, absent without one or when turned off, backing off
 * for a user's beans, and wired by Spring Boot's observation and metrics auto-configurations so that a call gets
 * both its duration timer and its time to first token, with the latency histograms of {@code cerebras.metrics.*}.
 */
class CerebrasMetricsAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension server = MetricsWireMock.server();

	private static final String DURATION = DefaultCerebrasObservationConvention.NAME;

	private static final String MODEL = "gen_ai.request.model";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CerebrasMetricsAutoConfiguration.class));

	private final ApplicationContextRunner bootRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				CerebrasMetricsAutoConfiguration.class));

	@Test
	void providesTheHandlerAndTheFilterWithAMeterRegistry() {
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.run(context -> assertThat(context).hasSingleBean(CerebrasMeterObservationHandler.class)
				.hasSingleBean(CerebrasLatencyMeterFilter.class)
				.hasSingleBean(CerebrasModelTagMeterFilter.class));
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner.run(context -> assertThat(context).doesNotHaveBean(CerebrasMeterObservationHandler.class)
			.doesNotHaveBean(CerebrasLatencyMeterFilter.class)
			.doesNotHaveBean(CerebrasModelTagMeterFilter.class));
	}

	@Test
	void backsOffWhenMetricsAreDisabled() {
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("cerebras.metrics.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(CerebrasMeterObservationHandler.class)
				.doesNotHaveBean(CerebrasLatencyMeterFilter.class)
				.doesNotHaveBean(CerebrasModelTagMeterFilter.class));
	}

	@Test
	void backsOffWhenCerebrasIsDisabled() {
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("cerebras.enabled=false")
			.run(context -> assertThat(context).doesNotHaveBean(CerebrasMeterObservationHandler.class)
				.doesNotHaveBean(CerebrasLatencyMeterFilter.class));
	}

	@Test
	void usesTheUsersHandler() {
		CerebrasMeterObservationHandler own = new CerebrasMeterObservationHandler(new SimpleMeterRegistry());
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("ownHandler", CerebrasMeterObservationHandler.class, () -> own)
			.run(context -> assertThat(context).getBean(CerebrasMeterObservationHandler.class).isSameAs(own));
	}

	@Test
	void usesTheUsersFilter() {
		CerebrasLatencyMeterFilter own = new CerebrasLatencyMeterFilter(new CerebrasProperties.Metrics());
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("ownFilter", CerebrasLatencyMeterFilter.class, () -> own)
			.run(context -> assertThat(context).getBean(CerebrasLatencyMeterFilter.class).isSameAs(own));
	}

	@Test
	void usesTheUsersModelTagFilter() {
		CerebrasModelTagMeterFilter own = new CerebrasModelTagMeterFilter(7);
		this.contextRunner.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("ownModelTagFilter", CerebrasModelTagMeterFilter.class, () -> own)
			.run(context -> assertThat(context).getBean(CerebrasModelTagMeterFilter.class).isSameAs(own));
	}

	@Test
	void aCallGetsItsDurationAndTimeToFirstChunkWithLatencyHistograms() {
		server.stubFor(post(MetricsWireMock.CHAT)
			.willReturn(eventStream(chatStream(words(5))).withFixedDelay(50).withChunkedDribbleDelay(4, 100)));

		this.bootRunner.run(context -> {
			stream(context);

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Timer duration = meters.get(DURATION).tag("outcome", "SUCCESS").timer();
			Timer timeToFirstChunk = meters.get(TIME_TO_FIRST_CHUNK).tag("outcome", "SUCCESS").timer();
			assertThat(duration.count()).isOne();
			assertThat(timeToFirstChunk.count()).isOne();
			assertThat(bucketsInMillis(duration.takeSnapshot())).contains(10.0, 100.0, 1000.0);
			assertThat(bucketsInMillis(timeToFirstChunk.takeSnapshot())).contains(10.0, 100.0, 1000.0);
		});
	}

	@Test
	void histogramsCanBeTurnedOffWithProperties() {
		this.bootRunner
			.withPropertyValues("cerebras.metrics.percentiles-histogram=false", "cerebras.metrics.buckets=")
			.run(context -> {
				Timer timeToFirstChunk = Timer.builder(TIME_TO_FIRST_CHUNK).register(context.getBean(MeterRegistry.class));
				timeToFirstChunk.record(Duration.ofMillis(80));

				assertThat(timeToFirstChunk.takeSnapshot().histogramCounts()).isEmpty();
			});
	}

	@Test
	void bucketsAndPercentilesAreBoundFromProperties() {
		this.bootRunner
			.withPropertyValues("cerebras.metrics.buckets=40ms,400ms", "cerebras.metrics.percentiles=0.5,0.99")
			.run(context -> {
				Timer duration = Timer.builder(DURATION).register(context.getBean(MeterRegistry.class));
				duration.record(Duration.ofMillis(80));

				HistogramSnapshot snapshot = duration.takeSnapshot();
				assertThat(bucketsInMillis(snapshot)).containsExactly(40.0, 400.0);
				assertThat(snapshot.percentileValues()).extracting(ValueAtPercentile::percentile)
					.containsExactly(0.5, 0.99);
			});
	}

	@Test
	void springBootsDistributionPropertiesOverrideOurBuckets() {
		this.bootRunner
			.withPropertyValues("management.metrics.distribution.slo[gen_ai.client.operation.duration]=42ms")
			.run(context -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);

				assertThat(bucketsInMillis(Timer.builder(DURATION).register(meters).takeSnapshot()))
					.containsExactly(42.0);
				assertThat(bucketsInMillis(Timer.builder(TIME_TO_FIRST_CHUNK).register(meters).takeSnapshot()))
					.contains(10.0, 100.0, 1000.0);
			});
	}

	@Test
	void modelTagValuesBeyondTheLimitBecomeOtherOnEveryMeter() {
		ResponseDefinitionBuilder[] responses = new ResponseDefinitionBuilder[5];
		for (int i = 0; i < responses.length; i++) {
			responses[i] = okJson(chatCompletion()).withHeader("x-ratelimit-remaining-tokens-minute",
					String.valueOf(100 - i));
		}
		answerChatInTurn(server, responses);

		this.bootRunner.withPropertyValues("cerebras.metrics.max-model-tags=2").run(context -> {
			try (ReactiveCerebrasTemplate cerebras = MetricsWireMock
				.reactive(server, context.getBean(ObservationRegistry.class))
				.build()) {
				for (int i = 0; i < responses.length; i++) {
					cerebras.chat()
						.completions()
						.create(ChatCompletionRequest.builder().model("model-" + i).user("Hi").build())
						.block(Duration.ofSeconds(5));
				}
			}

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.getMeters()).flatExtracting(meter -> meter.getId().getTags())
				.filteredOn(tag -> tag.getKey().equals(MODEL))
				.extracting(Tag::getValue)
				.containsOnly("model-0", "model-1", "other");
			assertThat(meters.get(DURATION).tag(MODEL, "other").timer().count()).isEqualTo(3);
			assertThat(meters.get(TOKEN_USAGE).tag(MODEL, "other").tag("gen_ai.token.type", "input").summary().count())
				.isEqualTo(3);
			assertThat(meters.get(RATE_LIMIT_REMAINING).gauges()).hasSize(3);
			assertThat(meters.get(RATE_LIMIT_REMAINING).tag(MODEL, "model-1").gauge().value()).isEqualTo(99);
			assertThat(meters.get(RATE_LIMIT_REMAINING).tag(MODEL, "other").gauge().value()).isEqualTo(96);
		});
	}

	@Test
	void modelTagsAreLimitedToAHundredByDefault() {
		this.bootRunner.run(context -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			for (int i = 0; i < 150; i++) {
				Timer.builder(DURATION)
					.tag("gen_ai.provider.name", "cerebras")
					.tag(MODEL, "model-" + i)
					.register(meters)
					.record(Duration.ofMillis(1));
			}

			assertThat(meters.find(DURATION).timers()).hasSize(101);
			assertThat(meters.get(DURATION).tag(MODEL, "other").timer().count()).isEqualTo(50);
		});
	}

	private static void stream(AssertableApplicationContext context) {
		try (ReactiveCerebrasTemplate cerebras = MetricsWireMock
			.reactive(server, context.getBean(ObservationRegistry.class))
			.build()) {
			cerebras.chat().completions().stream(REQUEST).blockLast(Duration.ofSeconds(10));
		}
	}

	private static double[] bucketsInMillis(HistogramSnapshot snapshot) {
		return Arrays.stream(snapshot.histogramCounts())
			.mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS))
			.toArray();
	}

}
