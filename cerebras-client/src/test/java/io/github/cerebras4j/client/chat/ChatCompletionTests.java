package io.github.cerebras4j.client.chat;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ChatCompletionTests {

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void decodesTheDocumentedExampleResponse() {
		String json = """
				{
				  "id": "chatcmpl-5f1c0b8e-3a4d-4f0a-9d5e-2b7c8e9f0a1b",
				  "choices": [
				    {
				      "finish_reason": "stop",
				      "index": 0,
				      "logprobs": null,
				      "reasoning_logprobs": null,
				      "message": {
				        "content": "Hello! How can I help you today?",
				        "reasoning": "The user greets me; a short friendly reply fits.",
				        "role": "assistant",
				        "tool_calls": null
				      }
				    }
				  ],
				  "created": 1769729480,
				  "model": "gpt-oss-120b",
				  "object": "chat.completion",
				  "service_tier": null,
				  "system_fingerprint": "fp_2a1b3c4d5e",
				  "time_info": {
				    "completion_time": 0.0123,
				    "created": 1769729480.0787008,
				    "prompt_time": 0.0021,
				    "queue_time": 0.00031,
				    "total_time": 0.0194
				  },
				  "usage": {
				    "completion_tokens": 42,
				    "completion_tokens_details": {"accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
				      "reasoning_tokens": 30},
				    "prompt_tokens": 75,
				    "prompt_tokens_details": {"cached_tokens": 0},
				    "total_tokens": 117
				  }
				}
				""";

		ChatCompletion completion = CerebrasJson.fromJson(json, ChatCompletion.class);

		assertThat(completion.id()).isEqualTo("chatcmpl-5f1c0b8e-3a4d-4f0a-9d5e-2b7c8e9f0a1b");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.created()).isEqualTo(1769729480L);
		assertThat(completion.model()).isEqualTo("gpt-oss-120b");
		assertThat(completion.systemFingerprint()).isEqualTo("fp_2a1b3c4d5e");
		assertThat(completion.serviceTier()).isNull();
		assertThat(completion.content()).isEqualTo("Hello! How can I help you today?");
		assertThat(completion.reasoning()).isEqualTo("The user greets me; a short friendly reply fits.");
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
		ChatChoice choice = completion.choices().get(0);
		assertThat(choice.index()).isZero();
		assertThat(choice.message().role()).isEqualTo("assistant");
		assertThat(choice.message().toolCalls()).isNull();
		assertThat(choice.logprobs()).isNull();
		assertThat(choice.reasoningLogprobs()).isNull();
		assertThat(completion.timeInfo().created()).isEqualTo(1769729480.0787008);
		assertThat(completion.timeInfo().totalTime()).isEqualTo(0.0194);
		assertThat(completion.usage().totalTokens()).isEqualTo(117);
		assertThat(completion.usage().completionTokensDetails().reasoningTokens()).isEqualTo(30);
		assertThat(completion.usage().promptTokensDetails().cachedTokens()).isZero();
		assertThat(completion.extra()).isEmpty();
		assertThat(choice.extra()).isEmpty();
		assertThat(choice.message().extra()).isEmpty();
	}

	@Test
	void decodesAToolCallResponse() {
		String json = """
				{
				  "id": "chatcmpl-1",
				  "object": "chat.completion",
				  "created": 1761231232,
				  "model": "qwen-3-coder-480b",
				  "system_fingerprint": "fp_1",
				  "choices": [{
				    "index": 0,
				    "finish_reason": "tool_calls",
				    "message": {
				      "role": "assistant",
				      "tool_calls": [
				        {"id": "call_a", "type": "function", "function": {"name": "add", "arguments": "{\\"a\\": 2, \\"b\\": 3}"}},
				        {"id": "call_m", "type": "function", "function": {"name": "multiply", "arguments": "{\\"a\\": 2, \\"b\\": 3}"}}
				      ]
				    }
				  }],
				  "usage": {"prompt_tokens": 277, "completion_tokens": 25, "total_tokens": 302}
				}
				""";

		ChatCompletion completion = CerebrasJson.fromJson(json, ChatCompletion.class);

		assertThat(completion.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.content()).isNull();
		assertThat(completion.toolCalls()).extracting(ToolCall::id).containsExactly("call_a", "call_m");
		assertThat(completion.toolCalls()).extracting(ToolCall::type).containsOnly("function");
		assertThat(completion.toolCalls().get(1).function().name()).isEqualTo("multiply");
		assertThat(completion.toolCalls().get(1).function().arguments()).isEqualTo("{\"a\": 2, \"b\": 3}");
	}

	@Test
	void answerIsSentBackAsAnAssistantMessage() {
		ChatCompletion completion = CerebrasJson.fromJson("""
				{"choices": [{"index": 0, "finish_reason": "tool_calls", "message": {"role": "assistant",
				  "tool_calls": [{"id": "call_a", "type": "function", "function": {"name": "add", "arguments": "{}"}}]}}]}
				""", ChatCompletion.class);

		ChatCompletionRequest next = ChatCompletionRequest.builder()
			.model("m")
			.user("Add 2 and 3")
			.message(completion.choices().get(0).message().toAssistantMessage())
			.tool("call_a", "5")
			.build();

		assertThat(this.mapper.readTree(CerebrasJson.toJson(next)).get("messages")).isEqualTo(this.mapper.readTree("""
				[
				  {"role": "user", "content": "Add 2 and 3"},
				  {"role": "assistant", "tool_calls": [
				    {"id": "call_a", "type": "function", "function": {"name": "add", "arguments": "{}"}}]},
				  {"role": "tool", "tool_call_id": "call_a", "content": "5"}
				]
				"""));
	}

	@Test
	void decodesLogprobs() {
		String json = """
				{"choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"},
				  "logprobs": {"content": [{"token": "Hi", "logprob": -0.25, "bytes": [72, 105],
				    "top_logprobs": [{"token": "Hi", "logprob": -0.25, "bytes": [72, 105]}, {"token": "Hello", "logprob": -1.5}]}],
				    "refusal": null},
				  "reasoning_logprobs": {"content": [{"token": "think", "logprob": -0.1, "top_logprobs": []}]}}]}
				""";

		ChatChoice choice = CerebrasJson.fromJson(json, ChatCompletion.class).choices().get(0);

		TokenLogprob token = choice.logprobs().content().get(0);
		assertThat(token.token()).isEqualTo("Hi");
		assertThat(token.logprob()).isEqualTo(-0.25);
		assertThat(token.bytes()).containsExactly(72, 105);
		assertThat(token.topLogprobs()).extracting(TopLogprob::token).containsExactly("Hi", "Hello");
		assertThat(token.topLogprobs().get(1).bytes()).isNull();
		assertThat(choice.logprobs().refusal()).isNull();
		assertThat(choice.reasoningLogprobs().content().get(0).token()).isEqualTo("think");
	}

	@Test
	void shortcutsAreEmptyWhenThereAreNoChoices() {
		ChatCompletion completion = CerebrasJson.fromJson("{\"id\": \"chatcmpl-1\"}", ChatCompletion.class);

		assertThat(completion.choices()).isEmpty();
		assertThat(completion.content()).isNull();
		assertThat(completion.reasoning()).isNull();
		assertThat(completion.toolCalls()).isEmpty();
		assertThat(completion.finishReason()).isNull();
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String json = """
				{
				  "id": "chatcmpl-1",
				  "object": "chat.completion",
				  "created": 1769729480,
				  "model": "gpt-oss-120b",
				  "system_fingerprint": "fp_1",
				  "region": "us-east",
				  "choices": [{
				    "index": 0,
				    "finish_reason": "stop",
				    "stop_sequence": "END",
				    "message": {
				      "role": "assistant",
				      "content": "Hi",
				      "refusal": "none",
				      "tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "f", "arguments": "{}", "strict": true},
				        "index": 0, "origin": "model"}]
				    },
				    "logprobs": {"content": [{"token": "Hi", "logprob": -0.1, "top_logprobs": [], "rank": 1}], "note": "x"}
				  }],
				  "time_info": {"total_time": 0.5, "network_time": 0.1},
				  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2, "billing": {"units": 3},
				    "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0}}
				}
				""";

		ChatCompletion completion = CerebrasJson.fromJson(json, ChatCompletion.class);

		ChatChoice choice = completion.choices().get(0);
		assertThat(completion.extra()).containsExactly(Map.entry("region", "us-east"));
		assertThat(choice.extra()).containsExactly(Map.entry("stop_sequence", "END"));
		assertThat(choice.message().extra()).containsExactly(Map.entry("refusal", "none"));
		assertThat(choice.message().toolCalls().get(0).extra()).containsExactly(Map.entry("origin", "model"));
		assertThat(choice.message().toolCalls().get(0).function().extra()).containsExactly(Map.entry("strict", true));
		assertThat(choice.logprobs().extra()).containsExactly(Map.entry("note", "x"));
		assertThat(choice.logprobs().content().get(0).extra()).containsExactly(Map.entry("rank", 1));
		assertThat(completion.timeInfo().extra()).containsExactly(Map.entry("network_time", 0.1));
		assertThat(completion.usage().extra()).containsExactly(Map.entry("billing", Map.of("units", 3)));
		assertThat(this.mapper.readTree(completion.toJson())).isEqualTo(this.mapper.readTree(json));
		assertThat(CerebrasJson.fromJson(completion.toJson(), ChatCompletion.class)).isEqualTo(completion);
	}

	@Test
	void decodedListsCannotBeModified() {
		ChatCompletion completion = CerebrasJson.fromJson("""
				{"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [{"id": "c"}]}}]}
				""", ChatCompletion.class);

		assertThat(completion.choices()).isUnmodifiable();
		assertThat(completion.toolCalls()).isUnmodifiable();
	}

}
