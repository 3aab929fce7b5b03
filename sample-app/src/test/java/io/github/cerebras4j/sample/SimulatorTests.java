package io.github.cerebras4j.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Without an API key the sample runs on the built-in simulator; with one it does not.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cerebras.api-key=")
class SimulatorTests {


	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveCerebrasTemplate template;

	@Autowired
	private CerebrasMockServer simulator;

	@Test
	void withoutAKeyTheApplicationRunsOnTheSimulatorAndSaysSo(CapturedOutput output) {
		assertThat(this.template.baseUrl()).isEqualTo(this.simulator.baseUrl());
		assertThat(output.getAll()).containsOnlyOnce("No Cerebras API key set: running on the built-in simulator at "
				+ this.template.baseUrl() + ". Set CEREBRAS_API_KEY to use the real API.");
	}

	@Test
	void theSimulatorAnswersFromThePrompt() {
		String body = client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\": \"What is wafer-scale?\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		JsonNode answer = this.json.readTree(body);
		assertThat(answer.get("content").asString()).startsWith("You asked: \"What is wafer-scale?\"")
			.contains("simulator")
			.contains("CEREBRAS_API_KEY");
		assertThat(answer.at("/usage/completion_tokens").asInt()).isPositive();
	}

	@Test
	void theSimulatorStreamsAtItsPace() {
		List<ServerSentEvent<String>> events = client().post()
			.uri("/api/chat/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue("{\"prompt\": \"Hello\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(events).filteredOn((event) -> "token".equals(event.event())).hasSizeGreaterThan(50);
		JsonNode summary = this.json.readTree(events.get(events.size() - 1).data());
		assertThat(summary.get("timeToFirstTokenMs").asLong())
			.isGreaterThanOrEqualTo(SimulatorStarter.TIME_TO_FIRST_TOKEN.toMillis());
		assertThat(summary.get("serverTokensPerSecond").asDouble()).isPositive();
	}

	@Test
	void theSimulatorListsTheModelsARequestMayName() {
		String body = client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\": \"Hi\", \"model\": \"qwen-3-32b\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(this.json.readTree(body).get("model").asString()).isEqualTo("qwen-3-32b");

		client().post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\": \"Hi\", \"model\": \"not-listed\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.allowedModels[2]")
			.isEqualTo("qwen-3-32b");
	}

	@Test
	void theSimulatorStopsWithTheApplication() throws Exception {
		ConfigurableApplicationContext application = new SpringApplicationBuilder(SampleApplication.class)
			.run("--server.port=0", "--cerebras.api-key=", "--cerebras.warm-up.enabled=false");
		String simulator = application.getEnvironment().getProperty("cerebras.base-url");
		assertThat(models(simulator)).isEqualTo(200);

		application.close();

		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> models(simulator));
	}

	@Test
	void withAKeyThereIsNoSimulator() {
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(SampleApplication.class)
			.run("--server.port=0", "--cerebras.api-key=csk-real-looking-key", "--cerebras.warm-up.enabled=false")) {
			assertThat(application.getBean(ReactiveCerebrasTemplate.class).baseUrl())
				.isEqualTo("https://api.cerebras.ai");
			assertThat(application.getEnvironment().getPropertySources())
				.noneMatch((source) -> source.getName().equals(SimulatorStarter.NAME));
		}
	}

	private WebTestClient client() {
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static int models(String baseUrl) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/models"))
			.header("Authorization", "Bearer " + CerebrasMockServer.TEST_API_KEY)
			.build(),
				HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
