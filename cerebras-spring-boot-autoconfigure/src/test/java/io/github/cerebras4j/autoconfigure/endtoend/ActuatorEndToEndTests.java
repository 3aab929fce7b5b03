package io.github.cerebras4j.autoconfigure.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tiny application with the starter and the actuator, against a Cerebras stand-in on 127.0.0.1: the user's
 * one-sentence promise (set the key, inject the template, watch actuator) and the secrecy of the key and the proxy
 * password everywhere.
 */
@SpringBootTest(classes = ActuatorEndToEndTests.TinyApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.api-key=" + ActuatorEndToEndTests.API_KEY, "cerebras.proxy.host=127.0.0.1",
				"cerebras.proxy.port=3128", "cerebras.proxy.username=alice",
				"cerebras.proxy.password=" + ActuatorEndToEndTests.PROXY_PASSWORD,
				"management.endpoints.web.exposure.include=health,metrics,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "logging.level.io.github.cerebras4j=TRACE",
				// Spring Data Redis is on this module's test class path (for the throttle), not in the starter
				"management.health.redis.enabled=false" })
class ActuatorEndToEndTests {

	static final String API_KEY = "csk-e2e-91b3c5d7e9f1a3b5c7d9e1f3";

	// set with a proxy that the calls bypass (127.0.0.1 is a non-proxy host): only its secrecy is tested here
	static final String PROXY_PASSWORD = "proxy-e2e-6b1f3a9d";

	private static final WireMockServer cerebras = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private CerebrasTemplate template;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void startCerebrasAndCaptureLogs() {
		cerebras.start();
		cerebras.stubFor(get("/v1/tcp_warming").willReturn(aResponse().withStatus(200)));
		cerebras.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withHeader("x-ratelimit-remaining-tokens-minute", "999998298")
			.withHeader("x-ratelimit-remaining-requests-day", "999997455")
			.withBody(stream(20))
			.withChunkedDribbleDelay(10, 600)));
	}

	@AfterAll
	static void stopCerebras() {
		cerebras.stop();
	}

	@DynamicPropertySource
	static void cerebrasBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("cerebras.base-url", () -> "http://127.0.0.1:" + cerebras.port());
		registry.add("cerebras.proxy.non-proxy-hosts", () -> "127\\.0\\.0\\.1");
	}

	@Test
	void healthMetricsAndNoKeyAnywhere() {
		// Boot configures logging when the context starts: capture from here, at the levels it set
		Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		this.logs.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
		this.logs.start();
		root.addAppender(this.logs);
		try {
			callAndCheckActuator();
		}
		finally {
			root.detachAppender(this.logs);
		}
		assertThat(this.logs.list).as("the wire log ran at TRACE").anySatisfy(event -> {
			assertThat(event.getLoggerName()).isEqualTo("io.github.cerebras4j.client.wire");
			assertThat(event.getLevel()).isEqualTo(Level.TRACE);
		});
		assertThat(this.logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(API_KEY)
			.doesNotContain(PROXY_PASSWORD));
	}

	private void callAndCheckActuator() {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> cerebras.verify(getRequestedFor(urlEqualTo("/v1/tcp_warming"))));
		try (CerebrasStream<ChatCompletionChunk> chunks = this.template.chat()
			.completions()
			.stream(ChatCompletionRequest.builder().model("llama3.1-8b").user("Count to twenty.").build())) {
			assertThat(chunks.stream().filter(ChatCompletionChunk::hasContent).count()).isEqualTo(20);
		}

		JsonNode health = actuator("/actuator/health");
		assertThat(health.at("/components/cerebras/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/cerebras/details/host").asString()).isEqualTo("127.0.0.1");

		List<String> names = names(actuator("/actuator/metrics"));
		assertThat(names).contains("gen_ai.client.operation.duration", "gen_ai.client.operation.time_to_first_chunk",
				"gen_ai.client.token.usage", "cerebras.client.output.tokens.per.second",
				"cerebras.client.stream.chunk.gap.max", "cerebras.client.server.time",
				"cerebras.client.rate.limit.remaining", "cerebras.client.warmup");
		JsonNode ttft = actuator("/actuator/metrics/gen_ai.client.operation.time_to_first_chunk");
		System.out.println("/actuator/metrics/gen_ai.client.operation.time_to_first_chunk: " + ttft);
		assertThat(ttft.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
		assertThat(ttft.at("/measurements/0/value").asDouble()).isEqualTo(1.0);
		JsonNode tokens = actuator("/actuator/metrics/gen_ai.client.token.usage?tag=gen_ai.token.type:output");
		assertThat(tokens.at("/measurements/1/statistic").asString()).isEqualTo("TOTAL");
		assertThat(tokens.at("/measurements/1/value").asDouble()).isEqualTo(20.0);

		StringBuilder everything = new StringBuilder();
		for (String path : List.of("/actuator/health", "/actuator/env", "/actuator/configprops", "/actuator/metrics")) {
			everything.append(text(path));
		}
		for (String name : names.stream().filter(n -> n.startsWith("gen_ai") || n.startsWith("cerebras")).toList()) {
			everything.append(text("/actuator/metrics/" + name));
		}
		assertThat(everything.toString()).contains("cerebras.api-key", "cerebras.proxy.password")
			.doesNotContain(API_KEY)
			.doesNotContain(PROXY_PASSWORD);
	}

	private JsonNode actuator(String path) {
		return this.json.readTree(text(path));
	}

	/** Reads an endpoint; the bound only keeps a broken test from hanging, on a machine as busy as a full build's. */
	private String text(String path) {
		return WebClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.bodyToMono(String.class)
			.timeout(Duration.ofSeconds(60), Mono.error(() -> new IllegalStateException(path + " did not answer")))
			.block();
	}

	private static List<String> names(JsonNode metrics) {
		return metrics.get("names").valueStream().map(JsonNode::asString).collect(Collectors.toList());
	}

	private static String stream(int tokens) {
		String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1769729480,"
				+ "\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_1\",";
		StringBuilder body = new StringBuilder("data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}\n\n");
		IntStream.range(0, tokens).forEach(i -> body.append("data: ").append(head)
			.append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(i).append(" \"}}]}\n\n"));
		body.append("data: ").append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],")
			.append("\"usage\":{\"prompt_tokens\":14,\"completion_tokens\":").append(tokens).append(",\"total_tokens\":")
			.append(14 + tokens).append("},\"time_info\":{\"queue_time\":0.0002,\"prompt_time\":0.001,")
			.append("\"completion_time\":0.004,\"total_time\":0.006,\"created\":1769729480.0787008}}\n\n");
		return body.append("data: [DONE]\n\n").toString();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TinyApp {

	}

}
