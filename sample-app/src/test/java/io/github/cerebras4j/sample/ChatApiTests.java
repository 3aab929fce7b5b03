package io.github.cerebras4j.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP API against a scripted Cerebras: answers, streams, models, problem details and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.api-key=csk-sample-test-key", "cerebras.retry.max-retries=0",
				"cerebras.timeout.response=1s" })
class ChatApiTests {

	private static final CerebrasStandIn cerebras = new CerebrasStandIn();

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveCerebrasTemplate template;

	private WebTestClient client;

	@DynamicPropertySource
	static void cerebrasBaseUrl(DynamicPropertyRegistry registry) {
		registry.add("cerebras.base-url", cerebras::baseUrl);
	}

	@AfterAll
	static void stopCerebras() {
		cerebras.stop();
	}

	@BeforeEach
	void resetCerebrasAndConnect() {
		cerebras.reset();
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Test
	void theApplicationCallsTheConfiguredApiNotTheSimulator() {
		assertThat(this.template.baseUrl()).isEqualTo(cerebras.baseUrl());
	}

	@Test
	void chatAnswersWithTheReplyUsageTimeInfoAndLatency() {
		cerebras.reply("Fast inference keeps agents responsive.");

		JsonNode answer = postChat("{\"prompt\": \"Why does speed matter?\"}", HttpStatus.OK);

		assertThat(answer.get("content").asString()).isEqualTo("Fast inference keeps agents responsive.");
		assertThat(answer.get("model").asString()).isEqualTo("llama3.1-8b");
		assertThat(answer.get("finishReason").asString()).isEqualTo("stop");
		assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(7);
		assertThat(answer.at("/timeInfo/total_time").asDouble()).isEqualTo(0.014);
		assertThat(answer.get("serverTokensPerSecond").asDouble()).isEqualTo(700.0);
		assertThat(answer.get("latencyMs").asLong()).isNotNegative();
		assertThat(cerebras.lastChatRequest().at("/messages/0/content").asString()).isEqualTo("Why does speed matter?");
	}

	@Test
	void chatAsksTheConfiguredModelUnlessTheRequestNamesOne() {
		cerebras.reply("Hi.");

		postChat("{\"prompt\": \"Hi\"}", HttpStatus.OK);
		assertThat(cerebras.lastChatRequest().get("model").asString()).isEqualTo("llama3.1-8b");

		postChat("{\"prompt\": \"Hi\", \"model\": \"gpt-oss-120b\"}", HttpStatus.OK);
		assertThat(cerebras.lastChatRequest().get("model").asString()).isEqualTo("gpt-oss-120b");
	}

	@Test
	void blankPromptIsA400ProblemAndCerebrasIsNotCalled() {
		JsonNode problem = postChat("{\"prompt\": \"   \"}", HttpStatus.BAD_REQUEST);

		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo("prompt must not be blank");
		assertThat(cerebras.chatRequestCount()).isZero();
	}

	@Test
	void streamSendsOneEventPerTokenAsTheTokensArrive() {
		List<String> tokens = IntStream.range(0, 20).mapToObj((i) -> "word" + i + " ").toList();
		cerebras.stream(tokens, Duration.ofMillis(1000));

		List<Tuple2<Instant, ServerSentEvent<String>>> events = stream("/api/chat/stream?prompt=Count");

		List<Tuple2<Instant, ServerSentEvent<String>>> tokenEvents = events.stream()
			.filter((event) -> "token".equals(event.getT2().event()))
			.toList();
		assertThat(tokenEvents).extracting((event) -> text(event.getT2())).containsExactlyElementsOf(tokens);
		Duration spread = Duration.between(tokenEvents.get(0).getT1(), tokenEvents.get(19).getT1());
		assertThat(spread).as("the tokens were re-streamed as they came, not at the end")
			.isGreaterThan(Duration.ofMillis(500));
		long separateArrivals = IntStream.range(1, 20)
			.filter((i) -> Duration.between(tokenEvents.get(i - 1).getT1(), tokenEvents.get(i).getT1()).toMillis() >= 15)
			.count();
		assertThat(separateArrivals).isGreaterThanOrEqualTo(10);

		ServerSentEvent<String> done = events.get(events.size() - 1).getT2();
		assertThat(done.event()).isEqualTo("done");
		JsonNode summary = this.json.readTree(done.data());
		assertThat(summary.at("/usage/completion_tokens").asInt()).isEqualTo(20);
		assertThat(summary.at("/timeInfo/completion_time").asDouble()).isEqualTo(0.01);
		assertThat(summary.get("chunks").asInt()).isEqualTo(20);
		assertThat(summary.get("timeToFirstTokenMs").asLong()).isLessThan(summary.get("durationMs").asLong());
		assertThat(summary.get("tokensPerSecond").asDouble()).isBetween(10.0, 60.0);
		assertThat(summary.get("finishReason").asString()).isEqualTo("stop");
	}

	@Test
	void streamThatFailsAfterItsFirstTokensEndsWithAProblemEvent() {
		cerebras.streamThenFail(List.of("Once", " upon"), 500);

		List<ServerSentEvent<String>> events = stream("/api/chat/stream?prompt=Tell+a+story").stream()
			.map(Tuple2::getT2)
			.toList();

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("token", "token", "problem");
		JsonNode problem = this.json.readTree(events.get(2).data());
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("title").asString()).isEqualTo("Cerebras answered with an error");
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(500);
	}

	@Test
	void modelsListsWhatCerebrasOffersAndTheDefault() {
		JsonNode models = this.json.readTree(this.client.get()
			.uri("/api/models")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());

		assertThat(models.get("defaultModel").asString()).isEqualTo("llama3.1-8b");
		assertThat(models.get("models").findValuesAsString("id")).containsExactly("llama3.1-8b", "gpt-oss-120b");
	}

	@Test
	void rateLimitFromCerebrasIsA429ProblemWithRetryAfter() {
		cerebras.chatAnswers(aResponse().withStatus(429)
			.withHeader("retry-after", "7")
			.withHeader("Content-Type", "application/json")
			.withBody("""
					{"message": "Requests per minute limit exceeded", "type": "too_many_requests_error",
					 "param": "quota", "code": "request_quota_exceeded"}
					"""));

		this.client.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"prompt\": \"Hi\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(429)
			.jsonPath("$.title")
			.isEqualTo("Rate limited by Cerebras")
			.jsonPath("$.detail")
			.isEqualTo("Requests per minute limit exceeded")
			.jsonPath("$.retryAfterSeconds")
			.isEqualTo(7);
	}

	@Test
	void rateLimitBeforeTheFirstTokenIsA429ProblemOnTheStreamToo() {
		cerebras.chatAnswers(aResponse().withStatus(429).withHeader("retry-after", "3"));

		this.client.get()
			.uri("/api/chat/stream?prompt=Hi")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
			.expectHeader()
			.valueEquals("Retry-After", "3")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Rate limited by Cerebras");
	}

	@Test
	void rejectedApiKeyIsA502ProblemAboutTheApplicationsKey() {
		cerebras.chatAnswers(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("""
				{"message": "Wrong API Key", "type": "invalid_request_error", "param": "api_key",
				 "code": "wrong_api_key"}
				"""));

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.BAD_GATEWAY);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras rejected this application's API key");
		assertThat(problem.get("detail").asString()).contains("CEREBRAS_API_KEY").doesNotContain("csk-sample-test-key");
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(401);
	}

	@Test
	void cerebrasRefusingThePromptIsA400Problem() {
		cerebras.chatAnswers(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("""
				{"message": "Model no-such-model does not exist or you do not have access to it.",
				 "type": "not_found_error", "param": "model", "code": "model_not_found"}
				"""));

		JsonNode problem = postChat("{\"prompt\": \"Hi\", \"model\": \"no-such-model\"}", HttpStatus.BAD_REQUEST);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras refused the request");
		assertThat(problem.get("detail").asString()).startsWith("Model no-such-model does not exist");
	}

	@Test
	void cerebrasNotAnsweringInTimeIsA504Problem() {
		cerebras.chatAnswers(aResponse().withStatus(200).withFixedDelay(3000));

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.GATEWAY_TIMEOUT);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras did not answer in time");
	}

	@Test
	void brokenConnectionToCerebrasIsA502Problem() {
		cerebras.chatAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.BAD_GATEWAY);

		assertThat(problem.get("title").asString()).isEqualTo("Cannot reach Cerebras");
	}

	@Test
	void streamedCallIsTimedAsTimeToFirstChunkInMetricsAndPrometheus() {
		double before = timeToFirstChunkCount();
		cerebras.stream(List.of("One", " two", " three"), Duration.ofMillis(100));

		assertThat(stream("/api/chat/stream?prompt=Count")).isNotEmpty();

		assertThat(timeToFirstChunkCount()).isEqualTo(before + 1);
		String prometheus = get("/actuator/prometheus");
		assertThat(prometheus).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count{");
		JsonNode health = this.json.readTree(get("/actuator/health"));
		assertThat(health.at("/components/cerebras/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/cerebras/details/host").asString()).isEqualTo("127.0.0.1");
	}

	private double timeToFirstChunkCount() {
		EntityExchangeResult<String> result = this.client.get()
			.uri("/actuator/metrics/gen_ai.client.operation.time_to_first_chunk")
			.exchange()
			.expectBody(String.class)
			.returnResult();
		if (result.getStatus() == HttpStatus.NOT_FOUND) {
			return 0;
		}
		JsonNode metric = this.json.readTree(result.getResponseBody());
		assertThat(metric.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
		return metric.at("/measurements/0/value").asDouble();
	}

	private JsonNode postChat(String body, HttpStatus status) {
		String answer = this.client.post()
			.uri("/api/chat")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return this.json.readTree(answer);
	}

	private String get(String path) {
		return this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private List<Tuple2<Instant, ServerSentEvent<String>>> stream(String uri) {
		Flux<ServerSentEvent<String>> events = this.client.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
		return events.map((event) -> Tuples.of(Instant.now(), event))
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	private String text(ServerSentEvent<String> event) {
		return this.json.readTree(event.data()).get("text").asString();
	}

}
