package io.github.cerebras4j.client.chat;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ToolCallAccumulatorTests {

	@Test
	void fragmentsAreJoinedByIndex() {
		ToolCallAccumulator accumulator = new ToolCallAccumulator();

		accumulator.accept(chunk("{\"role\": \"assistant\"}"))
			.accept(chunk("""
					{"tool_calls": [
					  {"index": 0, "id": "call_a", "type": "function", "function": {"name": "add", "arguments": "{\\"a\\""}},
					  {"index": 1, "id": "call_m", "type": "function", "function": {"name": "multiply", "arguments": ""}}]}
					"""))
			.accept(chunk("{\"tool_calls\": [{\"index\": 1, \"function\": {\"arguments\": \"{\\\"a\\\": 2}\"}}]}"))
			.accept(chunk("{\"tool_calls\": [{\"index\": 0, \"function\": {\"arguments\": \": 2}\"}}]}"))
			.accept(chunk("{}"));

		assertThat(accumulator.toolCalls()).containsExactly(
				new ToolCall("call_a", "function", new ToolCall.Function("add", "{\"a\": 2}", Map.of()), 0, Map.of()),
				new ToolCall("call_m", "function", new ToolCall.Function("multiply", "{\"a\": 2}", Map.of()), 1,
						Map.of()));
	}

	@Test
	void streamWithoutToolCallsHasNone() {
		ToolCallAccumulator accumulator = new ToolCallAccumulator();

		accumulator.accept(chunk("{\"content\": \"Hi\"}"));
		accumulator.accept(CerebrasJson.fromJson("{\"usage\": {\"total_tokens\": 3}}", ChatCompletionChunk.class));

		assertThat(accumulator.toolCalls()).isEmpty();
	}

	@Test
	void joinedCallsCanBeSentBackAsHistory() {
		ToolCallAccumulator accumulator = new ToolCallAccumulator().accept(chunk("""
				{"tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}"}}]}
				"""));

		AssistantMessage message = AssistantMessage.ofToolCalls(accumulator.toolCalls());

		assertThat(message.toolCalls()).extracting(ToolCall::id).containsExactly("call_1");
	}

	private static ChatCompletionChunk chunk(String delta) {
		return CerebrasJson.fromJson("{\"choices\": [{\"index\": 0, \"delta\": " + delta + "}]}",
				ChatCompletionChunk.class);
	}

}
