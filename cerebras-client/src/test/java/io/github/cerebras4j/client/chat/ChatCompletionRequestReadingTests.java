package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.internal.transport.RequestBodies;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Reading a chat request back from the JSON body the client sends, as a mock server does.
 */
class ChatCompletionRequestReadingTests {

	@Test
	void streamedWireBodyIsReadBackAsTheSameRequest() {
		Map<String, Object> weatherSchema = Map.of("type", "object", "properties",
				Map.of("city", Map.of("type", "string")), "required", List.of("city"));
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.model("gpt-oss-120b")
			.system("Be brief.")
			.developer("Answer in English.")
			.user("What is the weather in Paris?")
			.user(ContentPart.text("And in this picture?"), ContentPart.imageUrl("https://example.com/a.png", "high"),
					ContentPart.image("aW1hZ2U="))
			.message(AssistantMessage.ofToolCalls(List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Paris\"}"))))
			.tool("call_1", "{\"temperature\":21}")
			.clearThinking(true)
			.frequencyPenalty(0.5)
			.logitBias("50256", -100)
			.logprobs(true)
			.maxCompletionTokens(512)
			.minCompletionTokens(-1)
			.modelParameters(Map.of("thinking_budget", 1000))
			.n(2)
			.parallelToolCalls(false)
			.prediction(Prediction.content("It is sunny."))
			.reasoningEffort(ReasoningEffort.LOW)
			.reasoningFormat(ReasoningFormat.PARSED)
			.responseFormat(ResponseFormat.jsonSchema("weather", weatherSchema))
			.seed(42L)
			.serviceTier(ServiceTier.FLEX)
			.stop("\n\n", "END")
			.streamOptions(StreamOptions.withUsage())
			.temperature(0.7)
			.toolChoice(ToolChoice.function("weather"))
			.addTool(Tool.function("weather", "Current weather of a city", weatherSchema))
			.topLogprobs(3)
			.topP(0.9)
			.endUserId("user-7")
			.extraBody("custom_flag", true)
			.build();
		String wireBody = new String(RequestBodies.json(request, true, Map.of()));

		ChatCompletionRequest read = CerebrasJson.fromJson(wireBody, ChatCompletionRequest.class);

		assertThat(read).isEqualTo(request);
	}

	@Test
	void streamIsSkippedAndUnknownFieldsLandInExtraBody() {
		ChatCompletionRequest read = CerebrasJson.fromJson("""
				{"model": "llama3.1-8b", "messages": [{"role": "user", "content": "Hi"}],
				 "stream": true, "stream_options": {"include_usage": true}, "custom_flag": true}
				""", ChatCompletionRequest.class);

		assertThat(read.streamOptions()).isEqualTo(StreamOptions.withUsage());
		assertThat(read.extraBody()).containsOnly(entry("custom_flag", true));
		assertThat(CerebrasJson.mapper().readTree(CerebrasJson.toJson(read)))
			.isEqualTo(CerebrasJson.mapper().readTree("""
					{"model": "llama3.1-8b", "messages": [{"role": "user", "content": "Hi"}],
					 "stream_options": {"include_usage": true}}
					"""));
	}

	@Test
	void toolChoiceModeIsReadFromAString() {
		ChatCompletionRequest read = CerebrasJson.fromJson("""
				{"model": "llama3.1-8b", "messages": [{"role": "user", "content": "Hi"}], "tool_choice": "required"}
				""", ChatCompletionRequest.class);

		assertThat(read.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
	}

	@Test
	void oneStopSequenceWrittenAsAStringIsReadAsAList() {
		ChatCompletionRequest read = CerebrasJson.fromJson("""
				{"model": "llama3.1-8b", "messages": [{"role": "user", "content": "Hi"}], "stop": "END"}
				""", ChatCompletionRequest.class);

		assertThat(read.stop()).containsExactly("END");
	}

}
