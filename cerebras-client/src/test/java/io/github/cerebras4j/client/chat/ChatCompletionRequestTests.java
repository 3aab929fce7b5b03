package io.github.cerebras4j.client.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.StreamOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatCompletionRequestTests {

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void fullyPopulatedRequestIsWrittenAsTheApiBody() {
		Map<String, Object> weatherSchema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"));
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-oss-120b")
			.system("Be brief.")
			.developer("Answer in English.")
			.user("What is the weather in Paris?")
			.user(ContentPart.text("And in this picture?"), ContentPart.imageUrl("https://example.com/a.png", "high"),
					ContentPart.imageUrl("https://example.com/b.png"), ContentPart.image("aW1hZ2U="))
			.assistant("Let me check.")
			.message(AssistantMessage.ofToolCalls(List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Paris\"}"))))
			.tool("call_1", "{\"temperature\":21}")
			.clearThinking(true)
			.disableReasoning(false)
			.frequencyPenalty(0.5)
			.logitBias("50256", -100)
			.logitBias("1234", 5)
			.logprobs(true)
			.maxCompletionTokens(512)
			.maxTokens(256)
			.minCompletionTokens(-1)
			.minTokens(0)
			.modelParameters(Map.of("thinking_budget", 1000))
			.n(2)
			.parallelToolCalls(false)
			.prediction(Prediction.content("It is sunny."))
			.presencePenalty(-0.5)
			.promptCacheKey("weather-bot")
			.reasoningEffort(ReasoningEffort.LOW)
			.reasoningFormat(ReasoningFormat.TEXT_PARSED)
			.responseFormat(ResponseFormat.jsonSchema("weather", weatherSchema))
			.seed(42L)
			.serviceTier(ServiceTier.FLEX)
			.stop("\n\n", "END")
			.streamOptions(StreamOptions.withUsage())
			.temperature(0.7)
			.toolChoice(ToolChoice.function("weather"))
			.addTool(Tool.function("weather", "Current weather of a city", weatherSchema))
			.addTool(new Tool(null, new FunctionDefinition("time", null, null, true)))
			.topLogprobs(3)
			.topP(0.9)
			.endUserId("user-7")
			.extraBody("not_in_json", "x")
			.build();

		String json = CerebrasJson.toJson(request);

		assertThat(this.mapper.readTree(json)).isEqualTo(this.mapper.readTree("""
				{
				  "model": "gpt-oss-120b",
				  "messages": [
				    {"role": "system", "content": "Be brief."},
				    {"role": "developer", "content": "Answer in English."},
				    {"role": "user", "content": "What is the weather in Paris?"},
				    {"role": "user", "content": [
				      {"type": "text", "text": "And in this picture?"},
				      {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "high"}},
				      {"type": "image_url", "image_url": {"url": "https://example.com/b.png"}},
				      {"type": "image", "image": "aW1hZ2U="}
				    ]},
				    {"role": "assistant", "content": "Let me check."},
				    {"role": "assistant", "tool_calls": [
				      {"id": "call_1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}
				    ]},
				    {"role": "tool", "tool_call_id": "call_1", "content": "{\\"temperature\\":21}"}
				  ],
				  "clear_thinking": true,
				  "disable_reasoning": false,
				  "frequency_penalty": 0.5,
				  "logit_bias": {"50256": -100, "1234": 5},
				  "logprobs": true,
				  "max_completion_tokens": 512,
				  "max_tokens": 256,
				  "min_completion_tokens": -1,
				  "min_tokens": 0,
				  "model_parameters": {"thinking_budget": 1000},
				  "n": 2,
				  "parallel_tool_calls": false,
				  "prediction": {"type": "content", "content": "It is sunny."},
				  "presence_penalty": -0.5,
				  "prompt_cache_key": "weather-bot",
				  "reasoning_effort": "low",
				  "reasoning_format": "text_parsed",
				  "response_format": {"type": "json_schema", "json_schema": {
				    "name": "weather",
				    "schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
				    "strict": true
				  }},
				  "seed": 42,
				  "service_tier": "flex",
				  "stop": ["\\n\\n", "END"],
				  "stream_options": {"include_usage": true},
				  "temperature": 0.7,
				  "tool_choice": {"type": "function", "function": {"name": "weather"}},
				  "tools": [
				    {"type": "function", "function": {
				      "name": "weather",
				      "description": "Current weather of a city",
				      "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}
				    }},
				    {"type": "function", "function": {"name": "time", "strict": true}}
				  ],
				  "top_logprobs": 3,
				  "top_p": 0.9,
				  "user": "user-7"
				}
				"""));
	}

	@Test
	void singleStopSequenceIsWrittenAsString() {
		ChatCompletionRequest request = minimal().stop("END").build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("stop").isString()).isTrue();
		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).get("stop").asString()).isEqualTo("END");
	}

	@Test
	void toolChoiceModesAndSimpleResponseFormatsAreWrittenAsTheApiExpects() {
		assertThat(CerebrasJson.toJson(ToolChoice.AUTO)).isEqualTo("\"auto\"");
		assertThat(CerebrasJson.toJson(ToolChoice.NONE)).isEqualTo("\"none\"");
		assertThat(CerebrasJson.toJson(ToolChoice.REQUIRED)).isEqualTo("\"required\"");
		assertThat(CerebrasJson.toJson(ResponseFormat.text())).isEqualTo("{\"type\":\"text\"}");
		assertThat(CerebrasJson.toJson(ResponseFormat.jsonObject())).isEqualTo("{\"type\":\"json_object\"}");
	}

	@Test
	void unsetFieldsAreNotWritten() {
		ChatCompletionRequest request = minimal().build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request))).isEqualTo(this.mapper.readTree("""
				{"model": "llama3.1-8b", "messages": [{"role": "user", "content": "Hi"}]}
				"""));
	}

	@Test
	void extraBodyIsKeptOutOfTheBody() {
		ChatCompletionRequest request = minimal().extraBody("custom", 1).extraBody("explicit_null", null).build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(request)).propertyNames()).containsExactly("model",
				"messages");
		assertThat(request.extraBody()).containsEntry("custom", 1).containsEntry("explicit_null", null);
	}

	@Test
	void extraBodyMapReplacesEarlierEntriesAndMayHoldNulls() {
		Map<String, Object> extra = new HashMap<>();
		extra.put("b", null);

		ChatCompletionRequest request = minimal().extraBody("a", 1).extraBody(extra).build();

		assertThat(request.extraBody()).containsOnlyKeys("b").containsEntry("b", null);
		assertThat(minimal().build().extraBody()).isEmpty();
	}

	@Test
	void toBuilderCopiesEveryField() {
		ChatCompletionRequest request = minimal().temperature(0.2)
			.logitBias("1", 1)
			.stop("x")
			.addTool(Tool.function("f", null, null))
			.extraBody("k", "v")
			.endUserId("u")
			.build();

		ChatCompletionRequest copy = request.toBuilder().build();
		ChatCompletionRequest continued = request.toBuilder().assistant("Hello").user("Again").build();

		assertThat(copy).isEqualTo(request);
		assertThat(continued.messages()).hasSize(3);
		assertThat(request.messages()).hasSize(1);
	}

	@Test
	void onlyTheBuilderMakesARequest() {
		assertThat(ChatCompletionRequest.class.getConstructors()).isEmpty();
		assertThat(ChatCompletionRequest.Builder.class.getConstructors()).isEmpty();
	}

	@Test
	void equalsHashCodeAndToStringCoverTheFieldsThatAreSet() {
		ChatCompletionRequest request = minimal().temperature(0.2).extraBody("k", 1).build();

		assertThat(request).isEqualTo(minimal().temperature(0.2).extraBody("k", 1).build())
			.hasSameHashCodeAs(minimal().temperature(0.2).extraBody("k", 1).build())
			.isNotEqualTo(minimal().temperature(0.3).extraBody("k", 1).build())
			.isNotEqualTo(minimal().temperature(0.2).build())
			.hasToString("ChatCompletionRequest[model=llama3.1-8b, messages=[UserMessage[content=Text[text=Hi], "
					+ "name=null]], temperature=0.2, extraBody={k=1}]");
	}

	@Test
	void requestIsNotChangedByTheCollectionsItWasBuiltFrom() {
		List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("Hi")));
		List<String> stop = new ArrayList<>(List.of("a"));
		Map<String, Integer> logitBias = new HashMap<>(Map.of("1", 1));
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
			.model("m")
			.messages(messages)
			.stop(stop)
			.logitBias(logitBias);
		ChatCompletionRequest request = builder.build();

		messages.add(ChatMessage.user("later"));
		stop.add("b");
		logitBias.put("2", 2);
		builder.user("later").logitBias("3", 3).extraBody("k", "v");

		assertThat(request.messages()).hasSize(1);
		assertThat(request.stop()).containsExactly("a");
		assertThat(request.logitBias()).containsOnlyKeys("1");
		assertThat(request.extraBody()).isEmpty();
	}

	@Test
	void messagesMustNotBeEmpty() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatCompletionRequest.builder().model("m").build())
			.withMessage("messages must not be empty: add at least one message, e.g. builder.user(\"...\")");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("invalidRequests")
	void invalidFieldIsRejectedNamingTheField(String field, String problem,
			UnaryOperator<ChatCompletionRequest.Builder> change) {
		ChatCompletionRequest.Builder builder = change.apply(minimal());

		assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageStartingWith(field + " ");
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(invalid("model", "missing", (b) -> b.model(null)),
				invalid("model", "blank", (b) -> b.model(" ")),
				invalid("messages", "null element", (b) -> b.messages(Arrays.asList(ChatMessage.user("a"), null))),
				invalid("temperature", "above 2", (b) -> b.temperature(2.01)),
				invalid("temperature", "below 0", (b) -> b.temperature(-0.01)),
				invalid("temperature", "NaN", (b) -> b.temperature(Double.NaN)),
				invalid("top_p", "above 1", (b) -> b.topP(1.01)), invalid("top_p", "below 0", (b) -> b.topP(-0.01)),
				invalid("frequency_penalty", "above 2", (b) -> b.frequencyPenalty(2.01)),
				invalid("frequency_penalty", "below -2", (b) -> b.frequencyPenalty(-2.01)),
				invalid("presence_penalty", "above 2", (b) -> b.presencePenalty(2.01)),
				invalid("presence_penalty", "below -2", (b) -> b.presencePenalty(-2.01)),
				invalid("logit_bias", "above 100", (b) -> b.logitBias("1", 101)),
				invalid("logit_bias", "below -100", (b) -> b.logitBias("1", -101)),
				invalid("logit_bias", "null bias", (b) -> b.logitBias(Collections.singletonMap("1", null))),
				invalid("top_logprobs", "above 20", (b) -> b.logprobs(true).topLogprobs(21)),
				invalid("top_logprobs", "below 0", (b) -> b.logprobs(true).topLogprobs(-1)),
				invalid("top_logprobs", "without logprobs", (b) -> b.topLogprobs(2)),
				invalid("top_logprobs", "with logprobs false", (b) -> b.logprobs(false).topLogprobs(2)),
				invalid("max_tokens", "0", (b) -> b.maxTokens(0)),
				invalid("max_completion_tokens", "0", (b) -> b.maxCompletionTokens(0)),
				invalid("min_tokens", "-2", (b) -> b.minTokens(-2)),
				invalid("min_completion_tokens", "-2", (b) -> b.minCompletionTokens(-2)),
				invalid("n", "0", (b) -> b.n(0)), invalid("stop", "5 sequences", (b) -> b.stop("a", "b", "c", "d", "e")),
				invalid("stop", "empty sequence", (b) -> b.stop("a", "")),
				invalid("stop", "null sequence", (b) -> b.stop("a", null)),
				invalid("tools", "null element", (b) -> b.tools(Arrays.asList((Tool) null))));
	}

	private static Arguments invalid(String field, String problem, UnaryOperator<ChatCompletionRequest.Builder> change) {
		return Arguments.of(field, problem, change);
	}

	@Test
	void boundaryValuesAreAccepted() {
		ChatCompletionRequest low = minimal().temperature(0.0)
			.topP(0.0)
			.frequencyPenalty(-2.0)
			.presencePenalty(-2.0)
			.logitBias("1", -100)
			.logprobs(true)
			.topLogprobs(0)
			.maxTokens(1)
			.maxCompletionTokens(1)
			.minTokens(-1)
			.minCompletionTokens(-1)
			.n(1)
			.seed(Long.MIN_VALUE)
			.build();
		ChatCompletionRequest high = minimal().temperature(2.0)
			.topP(1.0)
			.frequencyPenalty(2.0)
			.presencePenalty(2.0)
			.logitBias("1", 100)
			.logprobs(true)
			.topLogprobs(20)
			.stop("a", "b", "c", "d")
			.build();

		assertThat(low.topLogprobs()).isZero();
		assertThat(high.stop()).hasSize(4);
	}

	private static ChatCompletionRequest.Builder minimal() {
		return ChatCompletionRequest.builder().model("llama3.1-8b").user("Hi");
	}

}
