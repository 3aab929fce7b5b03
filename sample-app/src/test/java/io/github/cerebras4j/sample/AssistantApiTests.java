package io.github.cerebras4j.sample;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.cerebras4j.client.chat.AssistantMessage;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.test.CerebrasMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/structured} and {@code POST /api/tools} on the built-in simulator, as the sample runs without an
 * API key: the simulator answers the city's facts as JSON that follows the schema, and calls the tool before it
 * answers.
 */
// a context of its own (the retry property, which changes nothing here, keeps it apart): SimulatorTests checks the
// line its simulator logs at start-up
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cerebras.api-key=", "cerebras.retry.max-retries=2" })
class AssistantApiTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private CerebrasMockServer simulator;

	private WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@Test
	void structuredAnswersTheCityFactsTheModelWroteAsJson() {
		JsonNode answer = post("/api/structured", "{\"prompt\": \"Tell me about Tokyo\"}", HttpStatus.OK);

		JsonNode city = answer.get("city");
		assertThat(city.get("name").asString()).isEqualTo("Tokyo");
		assertThat(city.get("country").asString()).isEqualTo("Japan");
		assertThat(city.get("population").asLong()).isEqualTo(13_960_000);
		assertThat(city.get("highlights").valueStream().map(JsonNode::asString)).contains("Senso-ji temple")
			.hasSize(3);
		assertThat(answer.get("model").asString()).isEqualTo("llama3.1-8b");
		assertThat(answer.at("/usage/completion_tokens").asInt()).isPositive();

		ChatCompletionRequest sent = this.simulator.lastChatRequest();
		assertThat(sent.responseFormat().type()).isEqualTo("json_schema");
		assertThat(sent.responseFormat().jsonSchema().name()).isEqualTo("CityFacts");
		assertThat(sent.responseFormat().jsonSchema().schema()).containsKey("properties");
	}

	@Test
	void toolsAnswersAfterTheModelCalledTheToolAndReportsTheCall() {
		JsonNode answer = post("/api/tools", "{\"prompt\": \"What time is it in Tokyo?\"}", HttpStatus.OK);

		assertThat(answer.get("toolRounds").asInt()).isEqualTo(1);
		assertThat(answer.get("toolCalls")).hasSize(1);
		JsonNode call = answer.get("toolCalls").get(0);
		assertThat(call.get("round").asInt()).isEqualTo(1);
		assertThat(call.get("name").asString()).isEqualTo("local_time");
		assertThat(this.json.readTree(call.get("arguments").asString()).get("timeZone").asString())
			.isEqualTo("Asia/Tokyo");
		JsonNode result = this.json.readTree(call.get("result").asString());
		assertThat(result.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(OffsetDateTime.parse(result.get("localTime").asString()).getOffset())
			.isEqualTo(ZoneOffset.ofHours(9));
		assertThat(answer.get("content").asString()).startsWith("The local_time tool says: ")
			.contains(call.get("result").asString());
		assertThat(answer.get("model").asString()).isEqualTo("llama3.1-8b");

		// the second request carries the model's call and the tool's result
		ChatCompletionRequest last = this.simulator.lastChatRequest();
		assertThat(last.tools()).singleElement().satisfies((tool) -> {
			assertThat(tool.function().name()).isEqualTo("local_time");
			assertThat(tool.function().strict()).isTrue();
		});
		assertThat(last.messages()).hasSize(4);
		assertThat(last.messages().get(2)).isInstanceOf(AssistantMessage.class);
		assertThat(last.messages().get(3)).isInstanceOf(ToolMessage.class);
	}

	@Test
	void aPlaceTheSimulatorDoesNotKnowIsAskedInUtc() {
		JsonNode answer = post("/api/tools", "{\"prompt\": \"What time is it on the Moon?\"}", HttpStatus.OK);

		JsonNode result = this.json.readTree(answer.at("/toolCalls/0/result").asString());
		assertThat(result.get("timeZone").asString()).isEqualTo("UTC");
	}

	@Test
	void theChatEndpointIsNotOfferedTheToolSoTheSimulatorCallsNone() {
		JsonNode answer = post("/api/chat", "{\"prompt\": \"What time is it in Tokyo?\"}", HttpStatus.OK);

		assertThat(answer.get("finishReason").asString()).isEqualTo("stop");
		assertThat(answer.get("content").asString()).startsWith("You asked: ");
	}

	@Test
	void blankPromptIsA400ProblemOnBothAndCerebrasIsNotCalled() {
		int before = this.simulator.chatRequests().size();

		for (String uri : new String[] { "/api/structured", "/api/tools" }) {
			JsonNode problem = post(uri, "{\"prompt\": \" \"}", HttpStatus.BAD_REQUEST);
			assertThat(problem.get("detail").asString()).isEqualTo("prompt must not be blank");
		}
		assertThat(this.simulator.chatRequests()).hasSize(before);
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

}
