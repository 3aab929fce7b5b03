package io.github.cerebras4j.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolMessage;
import io.github.cerebras4j.client.chat.ToolRound;
import io.github.cerebras4j.client.chat.ToolRunOptions;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasToolExecutionException;
import io.github.cerebras4j.client.error.CerebrasToolRoundsExceededException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tool runs: the messages of each round on the wire, parallel calls, the limit of rounds and tools that throw.
 */
class ToolRunTests {

	@RegisterExtension
	static WireMockExtension server = CerebrasWireMock.server();

	private CerebrasTemplate cerebras;

	private ReactiveCerebrasTemplate reactive;

	@BeforeEach
	void setUp() {
		this.cerebras = CerebrasWireMock.template(server).build();
		this.reactive = CerebrasWireMock.reactive(server).build();
	}

	@AfterEach
	void tearDown() {
		this.cerebras.close();
		this.reactive.close();
	}

	record TimeRequest(@JsonPropertyDescription("The city's name") String city) {
	}

	record Weather(String city, int temperature) {
	}

	private final FunctionTool<TimeRequest> time = FunctionTool.of("get_time", "Returns the time in a city",
			TimeRequest.class, (request) -> "14:05 in " + request.city());

	private final FunctionTool<TimeRequest> weather = FunctionTool.of("get_weather", "Returns the weather of a city",
			TimeRequest.class, (request) -> new Weather(request.city(), 21));

	@Test
	void oneRoundSendsTheToolsThenTheAssistantMessageAndOneToolMessagePerCall() {
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("It is 14:05 in Paris."));

		ToolRunResult result = this.cerebras.chat().completions().runTools(request(), List.of(this.time));

		assertThat(result.content()).isEqualTo("It is 14:05 in Paris.");
		assertThat(result.toolRounds()).isEqualTo(1);
		List<JsonNode> sent = sentBodies();
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).get("messages")).isEqualTo(json("""
				[{"role":"user","content":"What time is it in Paris?"}]
				"""));
		assertThat(sent.get(0).get("tools")).isEqualTo(json("""
				[{"type":"function","function":{"name":"get_time","description":"Returns the time in a city",
				  "parameters":{"type":"object","properties":{"city":{"type":"string","description":"The city's name"}},
				    "required":["city"],"additionalProperties":false},
				  "strict":true}}]
				"""));
		assertThat(sent.get(1).get("messages")).isEqualTo(json("""
				[{"role":"user","content":"What time is it in Paris?"},
				 {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
				   "function":{"name":"get_time","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				 {"role":"tool","tool_call_id":"call_1","content":"14:05 in Paris"}]
				"""));
		assertThat(sent.get(1).get("tools")).isEqualTo(sent.get(0).get("tools"));
		assertThat(result.messages()).hasSize(3).last().isInstanceOf(ToolMessage.class);
	}

	@Test
	void theRunIsOneObservationWhoseChildrenAreTheChatCallsOfItsRounds() {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("It is 14:05 in Paris."));

		try (CerebrasTemplate observed = CerebrasWireMock.template(server).observationRegistry(registry).build()) {
			observed.chat().completions().runTools(request(), List.of(this.time));
		}

		Observation.Context run = stopped.stream()
			.filter((context) -> ToolLoop.OBSERVATION_NAME.equals(context.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(run.getContextualName()).isEqualTo("tool_run llama3.1-8b");
		assertThat(run.getHighCardinalityKeyValue("cerebras.tool.rounds").getValue()).isEqualTo("1");
		List<Observation.Context> rounds = stopped.stream().filter(CerebrasObservationContext.class::isInstance).toList();
		assertThat(rounds).hasSize(2).allSatisfy((round) -> assertThat(round.getParentObservation()).isNotNull()
			.satisfies((parent) -> assertThat(parent.getContextView()).isSameAs(run)));
	}

	@Test
	void aStreamedRunPutsTheCallFragmentsTogetherRunsThemAndStreamsTheAnswer() {
		String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.1-8b\",";
		String toolRound = "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_time\","
				+ "\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
				+ "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
				+ "\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}]}\n\n"
				+ "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
				+ "data: [DONE]\n\n";
		scriptStreams(toolRound, CerebrasWireMock.chatStream(List.of("It ", "is ", "14:05.")));

		List<String> content;
		try (Stream<ChatCompletionChunk> chunks = this.cerebras.chat()
			.completions()
			.streamTools(request(), List.of(this.time), ToolRunOptions.defaults())) {
			content = chunks.filter(ChatCompletionChunk::hasContent).map(ChatCompletionChunk::content).toList();
		}

		assertThat(content).containsExactly("It ", "is ", "14:05.");
		List<JsonNode> sent = sentBodies();
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).get("stream").asBoolean()).isTrue();
		assertThat(sent.get(1).get("messages")).isEqualTo(json("""
				[{"role":"user","content":"What time is it in Paris?"},
				 {"role":"assistant","tool_calls":[{"id":"call_1","type":"function",
				   "function":{"name":"get_time","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
				 {"role":"tool","tool_call_id":"call_1","content":"14:05 in Paris"}]
				"""));
	}

	@Test
	void aStreamedRunStopsPastTheMaximumOfRounds() {
		String head = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"llama3.1-8b\",";
		String toolRound = "data: " + head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
				+ "\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_time\","
				+ "\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n";
		scriptStreams(toolRound, toolRound);

		StepVerifier.create(this.reactive.chat()
			.completions()
			.streamTools(request(), List.of(this.time), ToolRunOptions.defaults().withMaxToolRounds(1)))
			.thenConsumeWhile((chunk) -> true)
			.expectError(CerebrasToolRoundsExceededException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(sentBodies()).hasSize(2);
	}

	@Test
	void parallelCallsRunTogetherAndAnswerInTheOrderOfTheCalls() {
		CountDownLatch bothStarted = new CountDownLatch(2);
		FunctionTool<TimeRequest> meeting = FunctionTool.of("get_time", null, TimeRequest.class, (request) -> {
			bothStarted.countDown();
			try {
				return bothStarted.await(10, TimeUnit.SECONDS) ? "together in " + request.city() : "alone";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
		script(toolCalls(call("call_a", "get_time", "{\"city\":\"Paris\"}"),
				call("call_b", "get_time", "{\"city\":\"Tokyo\"}")), answer("Done."));

		ToolRunResult result = this.cerebras.chat().completions().runTools(request(), List.of(meeting));

		assertThat(result.content()).isEqualTo("Done.");
		JsonNode messages = sentBodies().get(1).get("messages");
		assertThat(messages).hasSize(4);
		assertThat(messages.get(1).get("tool_calls")).hasSize(2);
		assertThat(messages.get(2)).isEqualTo(json("""
				{"role":"tool","tool_call_id":"call_a","content":"together in Paris"}"""));
		assertThat(messages.get(3)).isEqualTo(json("""
				{"role":"tool","tool_call_id":"call_b","content":"together in Tokyo"}"""));
	}

	@Test
	void severalRoundsAndAResultThatIsNotAStringIsSentAsJson() {
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")),
				toolCalls(call("call_2", "get_weather", "{\"city\":\"Paris\"}")), answer("14:05, 21 degrees."));

		ToolRunResult result = this.cerebras.chat().completions().runTools(request(), List.of(this.time, this.weather));

		assertThat(result.toolRounds()).isEqualTo(2);
		List<JsonNode> sent = sentBodies();
		assertThat(sent).hasSize(3);
		JsonNode last = sent.get(2).get("messages");
		assertThat(last).hasSize(5);
		assertThat(last.get(4)).isEqualTo(json("""
				{"role":"tool","tool_call_id":"call_2","content":"{\\"city\\":\\"Paris\\",\\"temperature\\":21}"}"""));
	}

	@Test
	void aRoundListenerSeesEachRoundBeforeItsResultsAreSent() {
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")),
				toolCalls(call("call_2", "get_weather", "{\"city\":\"Paris\"}")), answer("14:05, 21 degrees."));
		List<ToolRound> rounds = new java.util.ArrayList<>();
		List<Integer> requestsSentWhenHeard = new java.util.ArrayList<>();

		this.cerebras.chat()
			.completions()
			.runTools(request(), List.of(this.time, this.weather), ToolRunOptions.defaults().withRoundListener((round) -> {
				rounds.add(round);
				requestsSentWhenHeard.add(sentBodies().size());
			}));

		assertThat(rounds).extracting(ToolRound::number).containsExactly(1, 2);
		assertThat(rounds.get(0).toolCalls()).extracting(ToolCall::id).containsExactly("call_1");
		assertThat(rounds.get(0).results()).containsExactly("14:05 in Paris");
		assertThat(rounds.get(1).results()).containsExactly("{\"city\":\"Paris\",\"temperature\":21}");
		assertThat(rounds.get(1).completion().finishReason()).isEqualTo("tool_calls");
		assertThat(requestsSentWhenHeard).containsExactly(1, 2);
	}

	@Test
	void aModelThatKeepsCallingToolsFailsPastTheLimit() {
		server.stubFor(post("/v1/chat/completions")
			.willReturn(okJson(toolCalls(call("call_x", "get_time", "{\"city\":\"Paris\"}")))));

		assertThatExceptionOfType(CerebrasToolRoundsExceededException.class)
			.isThrownBy(() -> this.cerebras.chat()
				.completions()
				.runTools(request(), List.of(this.time), ToolRunOptions.defaults().withMaxToolRounds(2)))
			.satisfies((ex) -> {
				assertThat(ex.maxToolRounds()).isEqualTo(2);
				assertThat(ex.pendingToolNames()).containsExactly("get_time");
			});
		assertThat(sentBodies()).hasSize(3);
	}

	@Test
	void aToolThatThrowsReportsItsErrorToTheModel() {
		FunctionTool<TimeRequest> broken = FunctionTool.of("get_time", null, TimeRequest.class, (request) -> {
			throw new IllegalStateException("clock unavailable for " + request.city());
		});
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("Sorry, I cannot tell."));

		ToolRunResult result = this.cerebras.chat().completions().runTools(request(), List.of(broken));

		assertThat(result.content()).isEqualTo("Sorry, I cannot tell.");
		assertThat(sentBodies().get(1).get("messages").get(2)).isEqualTo(json("""
				{"role":"tool","tool_call_id":"call_1","content":"Error: clock unavailable for Paris"}"""));
	}

	@Test
	void theErrorTextIsConfigurable() {
		FunctionTool<TimeRequest> broken = FunctionTool.of("get_time", null, TimeRequest.class, (request) -> {
			throw new IllegalStateException("clock unavailable");
		});
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("Sorry."));

		this.cerebras.chat()
			.completions()
			.runTools(request(), List.of(broken),
					ToolRunOptions.defaults().withToolErrorsReported((ex) -> "{\"error\":\"" + ex.getMessage() + "\"}"));

		assertThat(sentBodies().get(1).get("messages").get(2).get("content").asString())
			.isEqualTo("{\"error\":\"clock unavailable\"}");
	}

	@Test
	void argumentsThatDoNotMatchAndUnknownToolsAreReportedToTheModel() {
		script(toolCalls(call("call_1", "get_time", "{\"town\":\"Paris\"}"), call("call_2", "get_moon", "{}")),
				answer("Sorry."));

		this.cerebras.chat().completions().runTools(request(), List.of(this.time));

		JsonNode messages = sentBodies().get(1).get("messages");
		assertThat(messages.get(2).get("content").asString()).startsWith("Error: The arguments do not match the parameters of 'get_time': ")
			.contains("city");
		assertThat(messages.get(3).get("content").asString())
			.isEqualTo("Error: There is no tool named 'get_moon'; the tools are [get_time]");
	}

	@Test
	void aToolThatThrowsEndsTheRunWhenToldTo() {
		IllegalStateException failure = new IllegalStateException("clock unavailable");
		FunctionTool<TimeRequest> broken = FunctionTool.of("get_time", null, TimeRequest.class, (request) -> {
			throw failure;
		});
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("unused"));

		assertThatExceptionOfType(CerebrasToolExecutionException.class)
			.isThrownBy(() -> this.cerebras.chat()
				.completions()
				.runTools(request(), List.of(broken), ToolRunOptions.defaults().withToolErrorsThrown()))
			.satisfies((ex) -> {
				assertThat(ex.toolName()).isEqualTo("get_time");
				assertThat(ex.toolCallId()).isEqualTo("call_1");
				assertThat(ex).hasCause(failure);
			});
		assertThat(sentBodies()).hasSize(1);
	}

	@Test
	void anAnswerWithoutToolCallsEndsAtOnce() {
		script(answer("No tool needed."));

		ToolRunResult result = this.cerebras.chat().completions().runTools(request(), List.of(this.time));

		assertThat(result.content()).isEqualTo("No tool needed.");
		assertThat(result.toolRounds()).isZero();
		assertThat(sentBodies()).hasSize(1);
	}

	@Test
	void reactiveTwin() {
		script(toolCalls(call("call_1", "get_time", "{\"city\":\"Paris\"}")), answer("It is 14:05 in Paris."));

		StepVerifier.create(this.reactive.chat().completions().runTools(request(), List.of(this.time)))
			.assertNext((result) -> assertThat(result.content()).isEqualTo("It is 14:05 in Paris."))
			.verifyComplete();
		assertThat(sentBodies().get(1).get("messages").get(2).get("content").asString()).isEqualTo("14:05 in Paris");
	}

	@Test
	void toolsWithTheSameNameAreRejectedBeforeSending() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.cerebras.chat().completions().runTools(request(), List.of(this.time, this.time)));
		assertThat(server.getAllServeEvents()).isEmpty();
	}

	private static ChatCompletionRequest request() {
		return ChatCompletionRequest.builder().model("llama3.1-8b").user("What time is it in Paris?").build();
	}

	private static void scriptStreams(String... bodies) {
		String state = Scenario.STARTED;
		for (int i = 0; i < bodies.length; i++) {
			String next = "stream " + (i + 1);
			server.stubFor(post("/v1/chat/completions").inScenario("streamed tools")
				.whenScenarioStateIs(state)
				.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(bodies[i]))
				.willSetStateTo(next));
			state = next;
		}
	}

	private static void script(String... replies) {
		String state = Scenario.STARTED;
		for (int i = 0; i < replies.length; i++) {
			String next = "reply " + (i + 1);
			server.stubFor(post("/v1/chat/completions").inScenario("tools")
				.whenScenarioStateIs(state)
				.willReturn(okJson(replies[i]))
				.willSetStateTo(next));
			state = next;
		}
	}

	private static String call(String id, String name, String arguments) {
		return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
				+ CerebrasJson.toJson(arguments) + "}}";
	}

	private static String toolCalls(String... calls) {
		return completion("tool_calls", "\"content\":null,\"tool_calls\":[" + String.join(",", calls) + "]");
	}

	private static String answer(String text) {
		return completion("stop", "\"content\":" + CerebrasJson.toJson(text));
	}

	private static String completion(String finishReason, String message) {
		return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1769729480,\"model\":\"llama3.1-8b\","
				+ "\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"finish_reason\":\"" + finishReason
				+ "\",\"message\":{\"role\":\"assistant\"," + message + "}}],"
				+ "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
	}

	private static JsonNode json(String text) {
		return CerebrasJson.mapper().readTree(text);
	}

	private static List<JsonNode> sentBodies() {
		List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
		return requests.stream().map((request) -> json(request.getBodyAsString())).toList();
	}

}
