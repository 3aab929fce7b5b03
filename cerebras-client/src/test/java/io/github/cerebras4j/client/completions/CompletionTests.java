package io.github.cerebras4j.client.completions;

import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTests {

	private static final String COMPLETION_WITH_LOGPROBS = """
			{
			  "id": "cmpl-5c3c8a1e-2f4b-4e7a-9a5e-0d6f1b2c3d4e",
			  "object": "text_completion",
			  "created": 1769729480,
			  "model": "llama3.1-8b",
			  "system_fingerprint": "fp_70185065a4",
			  "choices": [
			    {
			      "index": 0,
			      "text": " night.",
			      "finish_reason": "length",
			      "logprobs": {
			        "tokens": [" night", "."],
			        "token_logprobs": [-0.0123, -0.4567],
			        "top_logprobs": [
			          {" night": -0.0123, " day": -4.51},
			          {".": -0.4567, ",": -1.2}
			        ],
			        "text_offset": [25, 31]
			      }
			    }
			  ],
			  "time_info": {
			    "queue_time": 0.000134,
			    "prompt_time": 0.0021,
			    "completion_time": 0.0009,
			    "total_time": 0.0043,
			    "created": 1769729480.0787008
			  },
			  "usage": {"prompt_tokens": 8, "completion_tokens": 2, "total_tokens": 10}
			}
			""";

	private final JsonMapper mapper = CerebrasJson.mapper();

	@Test
	void completionWithLogprobsIsDecoded() {
		Completion completion = CerebrasJson.fromJson(COMPLETION_WITH_LOGPROBS, Completion.class);

		assertThat(completion.id()).isEqualTo("cmpl-5c3c8a1e-2f4b-4e7a-9a5e-0d6f1b2c3d4e");
		assertThat(completion.object()).isEqualTo("text_completion");
		assertThat(completion.created()).isEqualTo(1769729480L);
		assertThat(completion.model()).isEqualTo("llama3.1-8b");
		assertThat(completion.systemFingerprint()).isEqualTo("fp_70185065a4");
		assertThat(completion.text()).isEqualTo(" night.");
		assertThat(completion.finishReason()).isEqualTo(CompletionChoice.FINISH_REASON_LENGTH);
		CompletionLogprobs logprobs = completion.choices().get(0).logprobs();
		assertThat(logprobs).isNotNull();
		assertThat(logprobs.tokens()).containsExactly(" night", ".");
		assertThat(logprobs.tokenLogprobs()).containsExactly(-0.0123, -0.4567);
		assertThat(logprobs.topLogprobs()).containsExactly(Map.of(" night", -0.0123, " day", -4.51),
				Map.of(".", -0.4567, ",", -1.2));
		assertThat(logprobs.textOffset()).containsExactly(25, 31);
		assertThat(completion.timeInfo()).isNotNull();
		assertThat(completion.timeInfo().created()).isEqualTo(1769729480.0787008);
		assertThat(completion.timeInfo().totalTime()).isEqualTo(0.0043);
		assertThat(completion.usage()).isNotNull();
		assertThat(completion.usage().totalTokens()).isEqualTo(10);
	}

	@Test
	void echoedPromptLogprobsMayHoldNulls() {
		Completion completion = CerebrasJson.fromJson("""
				{"choices": [{"index": 0, "text": "Hi there", "logprobs": {
				  "tokens": ["Hi", " there"], "token_logprobs": [null, -0.3],
				  "top_logprobs": [null, {" there": -0.3}], "text_offset": [0, 2]}}]}
				""", Completion.class);

		CompletionLogprobs logprobs = completion.choices().get(0).logprobs();
		assertThat(logprobs).isNotNull();
		assertThat(logprobs.tokenLogprobs()).containsExactly(null, -0.3);
		assertThat(logprobs.topLogprobs()).containsExactly(null, Map.of(" there", -0.3));
	}

	@Test
	void completionWithoutChoicesHasAnEmptyList() {
		Completion completion = CerebrasJson.fromJson("{\"id\": \"cmpl-1\"}", Completion.class);

		assertThat(completion.choices()).isEmpty();
		assertThat(completion.text()).isNull();
		assertThat(completion.finishReason()).isNull();
	}

	@Test
	void rawTokensAreDecoded() {
		Completion completion = CerebrasJson.fromJson("""
				{"choices": [{"index": 0, "tokens": [3814, 13], "finish_reason": "stop"}]}
				""", Completion.class);

		assertThat(completion.choices().get(0).tokens()).containsExactly(3814, 13);
		assertThat(completion.text()).isNull();
	}

	@Test
	void streamOfChunksIsDecodedWithUsageAndTimeInfoOnTheLast() {
		List<String> events = List.of("""
				{"id":"cmpl-9","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_70185065a4","choices":[{"index":0,"text":" night","finish_reason":null}]}
				""", """
				{"id":"cmpl-9","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_70185065a4","choices":[{"index":0,"text":"."}]}
				""", """
				{"id":"cmpl-9","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_70185065a4","choices":[{"index":0,"text":"","finish_reason":"stop"}],
				 "usage":{"prompt_tokens":8,"completion_tokens":2,"total_tokens":10,
				          "prompt_tokens_details":{"cached_tokens":0}},
				 "time_info":{"queue_time":0.0001,"prompt_time":0.002,"completion_time":0.001,"total_time":0.004,
				              "created":1769729480.07}}
				""");

		List<CompletionChunk> chunks = events.stream()
			.map((event) -> CerebrasJson.fromJson(event, CompletionChunk.class))
			.toList();

		assertThat(chunks).extracting(CompletionChunk::text).containsExactly(" night", ".", "");
		assertThat(chunks).extracting(CompletionChunk::hasContent).containsExactly(true, true, false);
		assertThat(chunks.get(0).choices().get(0).finishReason()).isNull();
		assertThat(chunks.get(0).usage()).isNull();
		CompletionChunk last = chunks.get(2);
		assertThat(last.choices().get(0).finishReason()).isEqualTo(CompletionChoice.FINISH_REASON_STOP);
		assertThat(last.usage()).isNotNull();
		assertThat(last.usage().completionTokens()).isEqualTo(2);
		assertThat(last.usage().promptTokensDetails()).isNotNull();
		assertThat(last.usage().promptTokensDetails().cachedTokens()).isZero();
		assertThat(last.timeInfo()).isNotNull();
		assertThat(last.timeInfo().completionTime()).isEqualTo(0.001);
	}

	@Test
	void chunkWithoutChoicesHasEmptyTextAndNoContent() {
		CompletionChunk chunk = CerebrasJson.fromJson("""
				{"id":"cmpl-9","choices":null,"usage":{"total_tokens":10}}
				""", CompletionChunk.class);

		assertThat(chunk.choices()).isEmpty();
		assertThat(chunk.text()).isEmpty();
		assertThat(chunk.hasContent()).isFalse();
	}

	@Test
	void chunkWithTokensOrTextOnALaterChoiceHasContent() {
		CompletionChunk tokens = CerebrasJson.fromJson("""
				{"choices":[{"index":0,"tokens":[13]}]}
				""", CompletionChunk.class);
		CompletionChunk secondChoice = CerebrasJson.fromJson("""
				{"choices":[{"index":0,"text":""},{"index":1,"text":"x"}]}
				""", CompletionChunk.class);

		assertThat(tokens.text()).isEmpty();
		assertThat(tokens.hasContent()).isTrue();
		assertThat(secondChoice.text()).isEmpty();
		assertThat(secondChoice.hasContent()).isTrue();
	}

	@Test
	void unknownFieldsAreKeptAndWrittenBack() {
		String json = """
				{"id":"cmpl-1","object":"text_completion","created":1769729480,"model":"llama3.1-8b",
				 "system_fingerprint":"fp_1","service_tier":"default","new_top_level":{"a":[1,2]},
				 "choices":[{"index":0,"text":"x","finish_reason":"stop","reasoning_logprobs":null,
				             "logprobs":{"tokens":["x"],"token_logprobs":[-0.1],"bytes":[[120]]}}],
				 "time_info":{"total_time":0.01,"server_region":"us-east"},
				 "usage":{"total_tokens":3,"audio_tokens":0}}
				""";

		Completion completion = CerebrasJson.fromJson(json, Completion.class);

		assertThat(completion.serviceTier()).isEqualTo("default");
		assertThat(completion.extra()).containsOnlyKeys("new_top_level");
		CompletionChoice choice = completion.choices().get(0);
		assertThat(choice.extra()).containsOnlyKeys("reasoning_logprobs").containsEntry("reasoning_logprobs", null);
		assertThat(choice.logprobs().extra()).containsOnlyKeys("bytes");
		assertThat(completion.timeInfo().extra()).containsEntry("server_region", "us-east");
		assertThat(completion.usage().extra()).containsEntry("audio_tokens", 0);
		assertThat(this.mapper.readTree(completion.toJson())).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void chunkDeltaIsKeptInExtraAndWrittenBack() {
		String json = """
				{"id":"cmpl-2","object":"chat.completion.chunk","created":1,"model":"m","system_fingerprint":"fp",
				 "choices":[{"index":0,"delta":{"content":"hi"}}],"x_request_id":"req-1"}
				""";

		CompletionChunk chunk = CerebrasJson.fromJson(json, CompletionChunk.class);

		assertThat(chunk.choices().get(0).extra()).containsEntry("delta", Map.of("content", "hi"));
		assertThat(chunk.extra()).containsEntry("x_request_id", "req-1");
		assertThat(this.mapper.readTree(chunk.toJson())).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void conveniencesAreNotWrittenAsFields() {
		Completion completion = CerebrasJson.fromJson(COMPLETION_WITH_LOGPROBS, Completion.class);
		CompletionChunk chunk = CerebrasJson.fromJson("{\"choices\":[{\"index\":0,\"text\":\"x\"}]}",
				CompletionChunk.class);

		assertThat(this.mapper.readTree(completion.toJson()).has("text")).isFalse();
		assertThat(this.mapper.readTree(completion.toJson()).has("finish_reason")).isFalse();
		assertThat(this.mapper.readTree(chunk.toJson()).has("text")).isFalse();
		assertThat(this.mapper.readTree(chunk.toJson()).has("has_content")).isFalse();
	}

	@Test
	void valuesSurviveARoundTrip() {
		Completion completion = CerebrasJson.fromJson(COMPLETION_WITH_LOGPROBS, Completion.class);
		CompletionChunk chunk = CerebrasJson.fromJson("""
				{"id":"cmpl-9","choices":[{"index":0,"text":"","finish_reason":"stop","extra_field":true}],
				 "usage":{"total_tokens":10},"time_info":{"total_time":0.004},"unknown":[1]}
				""", CompletionChunk.class);

		assertThat(CerebrasJson.fromJson(completion.toJson(), Completion.class)).isEqualTo(completion);
		assertThat(CerebrasJson.fromJson(chunk.toJson(), CompletionChunk.class)).isEqualTo(chunk);
	}

	@Test
	void decodedListsAreUnmodifiable() {
		Completion completion = CerebrasJson.fromJson(COMPLETION_WITH_LOGPROBS, Completion.class);

		assertThat(completion.choices()).isUnmodifiable();
		assertThat(completion.extra()).isUnmodifiable();
	}

}
