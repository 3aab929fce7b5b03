package io.github.cerebras4j.sample;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.UserMessage;
import io.github.cerebras4j.test.AutoConfigureCerebrasMockServer;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The sample's HTTP API against a scripted Cerebras (the test kit's {@link CerebrasMockServer}): answers, streams,
 * models and which of them a request may name, problem details, metrics, health and the address it listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.retry.max-retries=0", "cerebras.timeout.response=1s" })
@AutoConfigureCerebrasMockServer
class ChatApiTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveCerebrasTemplate template;

	@Autowired
	private CerebrasMockServer cerebras;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Test
	void theApplicationCallsTheConfiguredApiNotTheSimulator() {
		assertThat(this.template.baseUrl()).isEqualTo(this.cerebras.baseUrl());
	}

	@Test
	void chatAnswersWithTheReplyUsageTimeInfoAndLatency() {
		this.cerebras.reply("Fast inference keeps agents responsive.");

		JsonNode answer = postChat("{\"prompt\": \"Why does speed matter?\"}", HttpStatus.OK);

		assertThat(answer.get("content").asString()).isEqualTo("Fast inference keeps agents responsive.");
		assertThat(answer.get("model").asString()).isEqualTo("llama3.1-8b");
		assertThat(answer.get("finishReason").asString()).isEqualTo("stop");
		int completionTokens = answer.at("/usage/completion_tokens").asInt();
		double completionTime = answer.at("/timeInfo/completion_time").asDouble();
		assertThat(completionTokens).isPositive();
		assertThat(answer.at("/timeInfo/total_time").isNumber()).isTrue();
		assertThat(answer.get("serverTokensPerSecond").asDouble())
			.isCloseTo(completionTokens / completionTime, within(0.05));
		assertThat(answer.get("latencyMs").isIntegralNumber()).isTrue();
		assertThat(answer.get("latencyMs").asLong()).isNotNegative();
		assertThat(this.cerebras.lastChatRequest().messages()).singleElement()
			.isEqualTo(new UserMessage(MessageContent.text("Why does speed matter?"), null));
	}

	@Test
	void chatAsksTheConfiguredModelUnlessTheRequestNamesOne() {
		postChat("{\"prompt\": \"Hi\"}", HttpStatus.OK);
		assertThat(this.cerebras.lastChatRequest().model()).isEqualTo("llama3.1-8b");

		postChat("{\"prompt\": \"Hi\", \"model\": \"gpt-oss-120b\"}", HttpStatus.OK);
		assertThat(this.cerebras.lastChatRequest().model()).isEqualTo("gpt-oss-120b");
	}

	@Test
	void aModelCerebrasDoesNotListIsA400ProblemNamingTheModelsItListsAndCerebrasIsNotCalled() {
		for (String uri : new String[] { "/api/chat", "/api/chat/stream" }) {
			JsonNode problem = this.json.readTree(this.client.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"prompt\": \"Hi\", \"model\": \"some-expensive-model\"}")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody(String.class)
				.returnResult()
				.getResponseBody());

			assertThat(problem.get("title").asString()).isEqualTo("Unknown model");
			assertThat(problem.get("detail").asString())
				.isEqualTo("Ask one of the models Cerebras lists: llama3.1-8b, gpt-oss-120b, qwen-3-32b.");
			assertThat(problem.get("allowedModels").valueStream().map(JsonNode::asString))
				.containsExactly("llama3.1-8b", "gpt-oss-120b", "qwen-3-32b");
		}
		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void theServerListensOnTheLoopbackAddressOnly(@Autowired ServerProperties server) throws IOException {
		assertThat(server.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 2000);
		}
		List<InetAddress> otherAddresses = NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.toList();
		for (InetAddress address : otherAddresses) {
			assertThatThrownBy(() -> {
				try (Socket socket = new Socket()) {
					socket.connect(new InetSocketAddress(address, this.port), 2000);
				}
			}).as("connecting to %s", address).isInstanceOfAny(ConnectException.class, SocketTimeoutException.class);
		}
	}

	@Test
	void healthSaysUpWithoutDetails() {
		String health = get("/actuator/health");

		// .ci/run waits for a body that ends like this
		assertThat(health).endsWith("\"status\":\"UP\"}").doesNotContain("details").doesNotContain("127.0.0.1");
		assertThat(this.json.readTree(health).at("/components/cerebras/status").asString()).isEqualTo("UP");
	}

	@Test
	void blankPromptIsA400ProblemAndCerebrasIsNotCalled() {
		JsonNode problem = postChat("{\"prompt\": \"   \"}", HttpStatus.BAD_REQUEST);

		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo("prompt must not be blank");
		assertThat(this.cerebras.chatRequests()).isEmpty();
	}

	@Test
	void toolsAnswersTheModelAToolErrorSoThatItCanTryAgain() {
		this.cerebras.toolCall("local_time", "{\"timeZone\": \"Mars/Olympus_Mons\"}").reply("I cannot tell the time on Mars.");

		JsonNode answer = post("/api/tools", "{\"prompt\": \"What time is it on Mars?\"}", HttpStatus.OK);

		assertThat(answer.get("content").asString()).isEqualTo("I cannot tell the time on Mars.");
		assertThat(answer.get("toolRounds").asInt()).isEqualTo(1);
		assertThat(answer.at("/toolCalls/0/name").asString()).isEqualTo("local_time");
		assertThat(answer.at("/toolCalls/0/result").asString()).startsWith("Error: ").contains("Mars/Olympus_Mons");
		assertThat(this.cerebras.lastChatRequest().messages().get(3)).isInstanceOf(ToolMessage.class);
	}

	@Test
	void structuredAnswerThatIsNotJsonIsA502Problem() {
		this.cerebras.reply("Paris is lovely in spring.");

		JsonNode problem = post("/api/structured", "{\"prompt\": \"Tell me about Paris\"}", HttpStatus.BAD_GATEWAY);

		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("title").asString()).isEqualTo("The model's answer does not follow the schema");
	}

	@Test
	void streamSendsOneEventPerTokenAndASummary() {
		String reply = "The quick brown fox jumps over the lazy dog, then keeps running through the field.";
		this.cerebras.reply(reply).timeToFirstToken(Duration.ofMillis(20)).tokensPerSecond(400);

		List<ServerSentEvent<String>> events = stream("{\"prompt\": \"Run\"}").collectList()
			.block(Duration.ofSeconds(10));

		List<ServerSentEvent<String>> tokens = events.stream().filter((event) -> "token".equals(event.event())).toList();
		assertThat(tokens).hasSizeGreaterThan(10);
		assertThat(String.join("", tokens.stream().map(this::text).toList())).isEqualTo(reply);

		ServerSentEvent<String> done = events.get(events.size() - 1);
		assertThat(done.event()).isEqualTo("done");
		JsonNode summary = this.json.readTree(done.data());
		assertThat(summary.at("/usage/completion_tokens").asInt()).isEqualTo(tokens.size());
		assertThat(summary.at("/timeInfo/completion_time").isNumber()).isTrue();
		assertThat(summary.get("chunks").asInt()).isEqualTo(tokens.size());
		assertThat(summary.get("timeToFirstTokenMs").asLong()).isNotNegative()
			.isLessThanOrEqualTo(summary.get("durationMs").asLong());
		assertThat(summary.get("tokensPerSecond").asDouble()).isPositive();
		assertThat(summary.get("finishReason").asString()).isEqualTo("stop");
	}

	@Test
	void streamForwardsTheFirstTokensBeforeCerebrasHasSentTheRest() {
		// 2 tokens a second: the whole answer takes Cerebras 15 s, far beyond the 5 s this test waits
		String reply = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
				+ "sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four";
		this.cerebras.reply(reply).tokensPerSecond(2);

		List<String> firstTokens = stream("{\"prompt\": \"Count\"}").filter((event) -> "token".equals(event.event()))
			.map(this::text)
			.take(2)
			.collectList()
			.block(Duration.ofSeconds(5));

		// an application that re-streamed the answer only at its end would have had no token to send yet
		assertThat(String.join("", firstTokens)).isEqualTo("one two");
	}

	@Test
	void streamThatFailsAfterItsFirstTokensEndsWithAProblemEvent() {
		this.cerebras.reply("Once upon a time").failInStream(500, "The model crashed", 2);

		List<ServerSentEvent<String>> events = stream("{\"prompt\": \"Tell a story\"}").collectList()
			.block(Duration.ofSeconds(10));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("token", "token", "problem");
		JsonNode problem = this.json.readTree(events.get(2).data());
		assertThat(problem.get("status").asInt()).isEqualTo(502);
		assertThat(problem.get("title").asString()).isEqualTo("Cerebras answered with an error");
		assertThat(problem.get("detail").asString()).isEqualTo("The model crashed");
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
		assertThat(models.get("models").findValuesAsString("id")).containsExactly("llama3.1-8b", "gpt-oss-120b",
				"qwen-3-32b");
	}

	@Test
	void rateLimitFromCerebrasIsA429ProblemWithRetryAfter() {
		this.cerebras.failWith(429, "Requests per minute limit exceeded").retryAfter(Duration.ofSeconds(7));

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
		this.cerebras.failWith(429, "Tokens per minute limit exceeded").retryAfter(Duration.ofSeconds(3));

		this.client.post()
			.uri("/api/chat/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue("{\"prompt\": \"Hi\"}")
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
		this.cerebras.failWith(401, "Wrong API Key");

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.BAD_GATEWAY);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras rejected this application's API key");
		assertThat(problem.get("detail").asString()).contains("CEREBRAS_API_KEY")
			.doesNotContain(CerebrasMockServer.TEST_API_KEY);
		assertThat(problem.get("upstreamStatus").asInt()).isEqualTo(401);
	}

	@Test
	void cerebrasRefusingThePromptIsA400Problem() {
		// the default model: a model the request names is checked against the list first, which the failure would hit
		this.cerebras.failWith(404, "Model llama3.1-8b does not exist or you do not have access to it.");

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.BAD_REQUEST);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras refused the request");
		assertThat(problem.get("detail").asString()).startsWith("Model llama3.1-8b does not exist");
	}

	@Test
	void cerebrasNotAnsweringInTimeIsA504Problem() {
		this.cerebras.timeToFirstToken(Duration.ofSeconds(3));

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.GATEWAY_TIMEOUT);

		assertThat(problem.get("title").asString()).isEqualTo("Cerebras did not answer in time");
	}

	@Test
	void brokenConnectionToCerebrasIsA502Problem() {
		this.cerebras.fault(CerebrasMockServer.Fault.CONNECTION_RESET);

		JsonNode problem = postChat("{\"prompt\": \"Hi\"}", HttpStatus.BAD_GATEWAY);

		assertThat(problem.get("title").asString()).isEqualTo("Cannot reach Cerebras");
	}

	@Test
	void streamedCallIsTimedAsTimeToFirstChunkInMetricsAndPrometheus() {
		double before = timeToFirstChunkCount();

		assertThat(stream("{\"prompt\": \"Count\"}").collectList().block(Duration.ofSeconds(10))).isNotEmpty();

		assertThat(timeToFirstChunkCount()).isEqualTo(before + 1);
		String prometheus = get("/actuator/prometheus");
		assertThat(prometheus).contains("gen_ai_client_operation_time_to_first_chunk_seconds_count{");
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
		return post("/api/chat", body, status);
	}

	private JsonNode post(String uri, String body, HttpStatus status) {
		String answer = this.client.post()
			.uri(uri)
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

	private Flux<ServerSentEvent<String>> stream(String body) {
		return this.client.post()
			.uri("/api/chat/stream")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody();
	}

	private String text(ServerSentEvent<String> event) {
		return this.json.readTree(event.data()).get("text").asString();
	}

}
