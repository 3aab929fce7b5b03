package io.github.cerebras4j.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cerebras4j.autoconfigure.CerebrasAutoConfiguration;
import io.github.cerebras4j.autoconfigure.metrics.CerebrasMetricsAutoConfiguration;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.observation.ChatModelMeterObservationHandler;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call and a stream through {@link CerebrasChatModel}, and a call with the template directly, in an application with
 * Boot's metrics and observation, the starter's metrics, Spring AI's chat meter handler (as Spring AI's
 * auto-configuration adds it) and Prometheus: the scrape has each meter name with one set of tag keys, and a bridged
 * call's duration once.
 */
class BridgeMetricsPrometheusTests {

	private static final WireMockServer server = new WireMockServer(
			wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? \\S+.*$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

	@BeforeAll
	static void start() {
		server.start();
		server.stubFor(get("/v1/tcp_warming").willReturn(aResponse().withStatus(200)));
		server.stubFor(post("/v1/chat/completions").atPriority(5)
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withHeader("x-ratelimit-remaining-tokens-minute", "59982")
				.withBody(CerebrasChatModelTests.completion("Hi."))));
		server.stubFor(post("/v1/chat/completions").atPriority(1)
			.withRequestBody(equalToJson("{\"stream\":true}", true, true))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withHeader("x-ratelimit-remaining-tokens-minute", "59000")
				.withBody(CerebrasChatModelTests.sse(CerebrasChatModelTests.chunk("{\"role\":\"assistant\"}", null),
						CerebrasChatModelTests.chunk("{\"content\":\"Hi\"}", null),
						CerebrasChatModelTests.chunk("{}", "stop")))));
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				CerebrasAutoConfiguration.class, CerebrasMetricsAutoConfiguration.class,
				CerebrasSpringAiAutoConfiguration.class))
		// what Spring AI's chat observation auto-configuration adds
		.withUserConfiguration(SpringAiChatObservation.class)
		.withPropertyValues("cerebras.api-key=csk-metrics-test", "cerebras.base-url=" + server.baseUrl(),
				"cerebras.warm-up.enabled=false", "cerebras.spring-ai.chat.options.model=llama3.1-8b");

	@Test
	void eachMeterHasOneSetOfTagKeysAndTheCallDurationIsRecordedOnce() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ChatModelMeterObservationHandler.class)
				.hasBean("chatModelMeterObservationHandler");
			CerebrasChatModel model = context.getBean(CerebrasChatModel.class);
			model.call(new Prompt("Hello"));
			model.stream(new Prompt("Hello")).blockLast();

			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

			Map<String, Set<Set<String>>> tagKeys = tagKeysByName(scrape);
			assertThat(tagKeys).as(scrape).allSatisfy((name, keySets) -> assertThat(keySets).as(name).hasSize(1));
			assertThat(meterTagKeysByName(context.getBean(MeterRegistry.class)))
				.allSatisfy((name, keySets) -> assertThat(keySets).as(name).hasSize(1));
			// Spring AI's observation owns the bridged call: one call and one stream
			assertThat(count(scrape, "gen_ai_client_operation_seconds_count")).as(scrape).isEqualTo(2);
			// the client's observation of those two is not measured again
			assertThat(count(scrape, "gen_ai_client_operation_duration_seconds_count")).as(scrape).isZero();
			// what only the client knows is there
			assertThat(count(scrape, "gen_ai_client_operation_time_to_first_chunk_seconds_count")).as(scrape)
				.isEqualTo(1);
			assertThat(scrape).contains("cerebras_client_server_time_seconds_count")
				.contains("cerebras_client_rate_limit_remaining")
				.doesNotContain("cerebras_bridge");
			// tokens are counted by Spring AI, once per type and call, and not by the client too
			assertThat(scrape).doesNotContain("gen_ai_client_token_usage_tokens");
			assertThat(sum(scrape, "gen_ai_client_token_usage_total", "gen_ai_token_type=\"input\"")).isEqualTo(16);
		});
	}

	@Test
	void withoutSpringAisObservationAutoConfigurationTheTokensAreCountedToo() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					PrometheusMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					CerebrasAutoConfiguration.class, CerebrasMetricsAutoConfiguration.class,
					CerebrasSpringAiAutoConfiguration.class))
			.withPropertyValues("cerebras.api-key=csk-metrics-test", "cerebras.base-url=" + server.baseUrl(),
					"cerebras.warm-up.enabled=false", "cerebras.spring-ai.chat.options.model=llama3.1-8b")
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatModelMeterObservationHandler.class);
				context.getBean(CerebrasChatModel.class).call(new Prompt("Hello"));

				String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

				assertThat(sum(scrape, "gen_ai_client_token_usage_total", "gen_ai_token_type=\"input\"")).isEqualTo(11);
				assertThat(count(scrape, "gen_ai_client_operation_seconds_count")).isEqualTo(1);
			});
	}

	@Test
	void callsMadeWithTheTemplateKeepTheClientsMeters() {
		this.runner.run((context) -> {
			context.getBean(CerebrasTemplate.class)
				.chat()
				.completions()
				.create(io.github.cerebras4j.client.chat.ChatCompletionRequest.builder()
					.model("llama3.1-8b")
					.user("Hello")
					.build());

			String scrape = context.getBean(PrometheusMeterRegistry.class).scrape();

			assertThat(count(scrape, "gen_ai_client_operation_duration_seconds_count")).as(scrape).isEqualTo(1);
			assertThat(tagKeysByName(scrape)).allSatisfy((name, keySets) -> assertThat(keySets).as(name).hasSize(1));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class SpringAiChatObservation {

		@Bean
		ChatModelMeterObservationHandler chatModelMeterObservationHandler(ObjectProvider<MeterRegistry> meterRegistry) {
			return new ChatModelMeterObservationHandler(meterRegistry.getObject());
		}

	}

	/**
	 * The label names of each sample name of a scrape, without the histogram's {@code le}.
	 */
	static Map<String, Set<Set<String>>> tagKeysByName(String scrape) {
		Map<String, Set<Set<String>>> keys = new TreeMap<>();
		for (String line : scrape.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches()) {
				continue;
			}
			Set<String> labels = new TreeSet<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.add(label.group(1));
				}
			}
			labels.remove("le");
			keys.computeIfAbsent(sample.group(1), (name) -> new java.util.HashSet<>()).add(labels);
		}
		return keys;
	}

	/**
	 * The tag keys of each meter name of a registry (Prometheus exports a counter and a summary of one name under
	 * different names, so the scrape alone does not show such a clash).
	 */
	static Map<String, Set<Set<String>>> meterTagKeysByName(MeterRegistry registry) {
		Map<String, Set<Set<String>>> keys = new TreeMap<>();
		registry.getMeters().forEach((meter) -> {
			Set<String> tagKeys = new TreeSet<>();
			meter.getId().getTagsAsIterable().forEach((tag) -> tagKeys.add(tag.getKey()));
			keys.computeIfAbsent(meter.getId().getName(), (name) -> new java.util.HashSet<>()).add(tagKeys);
		});
		return keys;
	}

	static double count(String scrape, String name) {
		return sum(scrape, name, "");
	}

	static double sum(String scrape, String name, String labelFilter) {
		List<Double> values = new ArrayList<>();
		for (String line : scrape.split("\n")) {
			if ((line.startsWith(name + "{") || line.startsWith(name + " ")) && line.contains(labelFilter)) {
				String[] parts = line.split(" ");
				values.add(Double.parseDouble(parts[parts.length - 1]));
			}
		}
		return values.stream().mapToDouble(Double::doubleValue).sum();
	}

}
