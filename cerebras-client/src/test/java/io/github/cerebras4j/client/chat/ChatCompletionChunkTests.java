package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionChunkTests {

	private static final String HEAD = """
			"id": "chatcmpl-7d1e", "object": "chat.completion.chunk", "created": 1769729480,
			"model": "gpt-oss-120b", "system_fingerprint": "fp_9a8b7c",
			""";

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void decodesAStreamFromRoleOnlyChunkToFinalChunkWithUsage() {
		List<ChatCompletionChunk> stream = decode(List.of(
				"{" + HEAD + "\"choices\": [{\"index\": 0, \"delta\": {\"role\": \"assistant\"}}]}",
				"{" + HEAD + "\"choices\": [{\"index\": 0, \"delta\": {\"reasoning\": \"Greet back.\"}}]}",
				"{" + HEAD + "\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"Ol\"}}]}",
				"{" + HEAD + "\"choices\": [{\"index\": 0, \"delta\": {\"content\": \"á!\"}}]}",
				"{" + HEAD + "\"choices\": [{\"index\": 0, \"delta\": {}}]}",
				"{" + HEAD + """
						"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
						"usage": {"prompt_tokens": 22, "completion_tokens": 5, "total_tokens": 27,
						  "prompt_tokens_details": {"cached_tokens": 0}},
						"time_info": {"queue_time": 0.0002, "prompt_time": 0.001, "completion_time": 0.003,
						  "total_time": 0.006, "created": 1769729480.0787008}}
						"""));

		assertThat(stream).extracting(ChatCompletionChunk::hasContent)
			.containsExactly(false, true, true, true, false, false);
		assertThat(stream.stream().map(ChatCompletionChunk::content).collect(Collectors.joining())).isEqualTo("Olá!");
		assertThat(stream.stream().map(ChatCompletionChunk::reasoning).collect(Collectors.joining()))
			.isEqualTo("Greet back.");
		assertThat(stream.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(stream.get(0).content()).isEmpty();
		assertThat(stream).extracting(ChatCompletionChunk::finishReason)
			.containsExactly(null, null, null, null, null, FinishReason.STOP);
		assertThat(stream.subList(0, 5)).allSatisfy((chunk) -> {
			assertThat(chunk.usage()).isNull();
			assertThat(chunk.timeInfo()).isNull();
		});
		ChatCompletionChunk last = stream.get(5);
		assertThat(last.usage().totalTokens()).isEqualTo(27);
		assertThat(last.timeInfo().created()).isEqualTo(1769729480.0787008);
		assertThat(last.id()).isEqualTo("chatcmpl-7d1e");
		assertThat(last.object()).isEqualTo("chat.completion.chunk");
		assertThat(last.created()).isEqualTo(1769729480L);
		assertThat(last.model()).isEqualTo("gpt-oss-120b");
		assertThat(last.systemFingerprint()).isEqualTo("fp_9a8b7c");
	}

	@Test
	void chunkWithoutChoicesHasEmptyContentAndReasoning() {
		ChatCompletionChunk chunk = CerebrasJson.fromJson("{" + HEAD + """
				"choices": null, "usage": {"total_tokens": 27}}
				""", ChatCompletionChunk.class);

		assertThat(chunk.choices()).isEmpty();
		assertThat(chunk.content()).isEmpty();
		assertThat(chunk.reasoning()).isEmpty();
		assertThat(chunk.hasContent()).isFalse();
		assertThat(chunk.finishReason()).isNull();
	}

	@Test
	void emptyStringIsNotContent() {
		ChatCompletionChunk chunk = CerebrasJson.fromJson("{" + HEAD + """
				"choices": [{"index": 0, "delta": {"content": "", "reasoning": ""}}]}
				""", ChatCompletionChunk.class);

		assertThat(chunk.hasContent()).isFalse();
	}

	@Test
	void hasContentLooksAtEveryChoice() {
		ChatCompletionChunk chunk = CerebrasJson.fromJson("{" + HEAD + """
				"choices": [{"index": 0, "delta": {}}, {"index": 1, "delta": {"content": "B"}}]}
				""", ChatCompletionChunk.class);

		assertThat(chunk.hasContent()).isTrue();
		assertThat(chunk.content()).isEmpty();
	}

	@Test
	void decodesToolCallFragments() {
		List<ChatCompletionChunk> stream = decode(List.of("{" + HEAD + """
				"choices": [{"index": 0, "delta": {"tool_calls": [
				  {"index": 0, "id": "call_1", "type": "function", "function": {"name": "weather", "arguments": ""}}]}}]}
				""", "{" + HEAD + """
				"choices": [{"index": 0, "delta": {"tool_calls": [{"index": 0, "function": {"arguments": "{\\"city\\":"}}]}}]}
				""", "{" + HEAD + """
				"choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]}
				"""));

		ToolCall first = stream.get(0).choices().get(0).delta().toolCalls().get(0);
		ToolCall second = stream.get(1).choices().get(0).delta().toolCalls().get(0);
		assertThat(first.id()).isEqualTo("call_1");
		assertThat(first.function().name()).isEqualTo("weather");
		assertThat(second.index()).isZero();
		assertThat(second.id()).isNull();
		assertThat(second.function().name()).isNull();
		assertThat(second.function().arguments()).isEqualTo("{\"city\":");
		assertThat(stream).extracting(ChatCompletionChunk::hasContent).containsOnly(false);
		assertThat(stream.get(2).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
	}

	@Test
	void decodesDeprecatedTextAndTokens() {
		ChatCompletionChunk chunk = CerebrasJson.fromJson("{" + HEAD + """
				"choices": [{"index": 0, "delta": {"content": "Hi", "tokens": [9906]}, "text": "Hi", "tokens": [9906]}]}
				""", ChatCompletionChunk.class);

		ChatChunkChoice choice = chunk.choices().get(0);
		assertThat(choice.text()).isEqualTo("Hi");
		assertThat(choice.tokens()).containsExactly(9906);
		assertThat(choice.delta().tokens()).containsExactly(9906);
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String json = "{" + HEAD + """
				"x_request_id": "req-1",
				"choices": [{"index": 0, "matched_stop": null,
				  "delta": {"content": "Hi", "refusal": null, "annotations": [{"kind": "cite"}]},
				  "logprobs": {"content": [{"token": "Hi", "logprob": -0.1, "top_logprobs": [{"token": "Hi", "logprob": -0.1, "alt": true}]}]}}],
				"usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "cost": 0.01}}
				""";

		ChatCompletionChunk chunk = CerebrasJson.fromJson(json, ChatCompletionChunk.class);

		ChatChunkChoice choice = chunk.choices().get(0);
		assertThat(chunk.extra()).containsExactly(Map.entry("x_request_id", "req-1"));
		assertThat(choice.extra()).containsOnlyKeys("matched_stop").containsEntry("matched_stop", null);
		assertThat(choice.delta().extra()).containsOnlyKeys("refusal", "annotations")
			.containsEntry("annotations", List.of(Map.of("kind", "cite")));
		assertThat(choice.logprobs().content().get(0).topLogprobs().get(0).extra())
			.containsExactly(Map.entry("alt", true));
		assertThat(chunk.usage().extra()).containsExactly(Map.entry("cost", 0.01));
		assertThat(this.mapper.readTree(chunk.toJson())).isEqualTo(this.mapper.readTree(json));
		assertThat(CerebrasJson.fromJson(chunk.toJson(), ChatCompletionChunk.class)).isEqualTo(chunk);
	}

	private static List<ChatCompletionChunk> decode(List<String> events) {
		return events.stream().map((json) -> CerebrasJson.fromJson(json, ChatCompletionChunk.class)).toList();
	}

}
