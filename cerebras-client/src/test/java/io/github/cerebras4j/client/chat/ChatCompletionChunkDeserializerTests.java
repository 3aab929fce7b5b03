package io.github.cerebras4j.client.chat;

import java.util.stream.Stream;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link ChatCompletionChunkDeserializer}: whatever the JSON, it decodes what Jackson's generic record path
 * decodes from the same text, and fails where that path fails.
 */
class ChatCompletionChunkDeserializerTests {

	/** The same settings as {@link CerebrasJson}, with the generic path for chunks. */
	private static final JsonMapper GENERIC = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addMixIn(ChatCompletionChunk.class, GenericPath.class)
		.build();

	private static final String HEAD = "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1764061200,"
			+ "\"model\":\"llama3.1-8b\",\"system_fingerprint\":\"fp_1\"";

	static Stream<String> chunks() {
		return Stream.of("{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" fox\"}}]}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"Let me think\"}}]}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
						+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":0},\"future\":true},"
						+ "\"time_info\":{\"queue_time\":0.0001,\"prompt_time\":0.001,\"completion_time\":0.02,"
						+ "\"total_time\":0.03,\"created\":1764061200.513},\"service_tier\":\"auto\"}",
				"{" + HEAD + ",\"choices\":[],\"usage\":{\"prompt_tokens\":1}}", "{" + HEAD + ",\"choices\":null}",
				"{" + HEAD + "}", "{}", "{\"choices\":[{\"index\":1,\"delta\":null}]}",
				"{\"id\":null,\"object\":null,\"created\":null,\"model\":null,\"system_fingerprint\":null,"
						+ "\"service_tier\":null,\"time_info\":null,\"usage\":null}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
						+ "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\",\"tokens\":[9906]},"
						+ "\"logprobs\":{\"content\":[{\"token\":\"Hi\",\"logprob\":-0.01,\"bytes\":[72,105],"
						+ "\"top_logprobs\":[{\"token\":\"Hi\",\"logprob\":-0.01,\"bytes\":[72,105]}]}]},"
						+ "\"reasoning_logprobs\":null,\"text\":\"Hi\",\"tokens\":[9906]}]}",
				"{" + HEAD + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\",\"new_delta_field\":{\"a\":[1,2.5,null]},"
						+ "\"nothing\":null},\"new_choice_field\":12345678901234,\"flag\":false}],"
						+ "\"new_top_field\":\"v\",\"big\":123456789012345678901234567890,\"empty\":null}",
				"{\"status_code\":500,\"error\":{\"message\":\"The model crashed\",\"type\":\"server_error\"}}",
				"{\"created\":1764061200.75,\"choices\":[{\"index\":\"2\",\"delta\":{\"content\":42,\"role\":true}}]}",
				"{\"created\":\"1764061200\",\"id\":7}",
				"{\"choices\":[{\"delta\":{\"content\":\"\\u2028 \\\"quoted\\\" \\n été 🦊\"}}]}");
	}

	@ParameterizedTest
	@MethodSource("chunks")
	void decodesWhatTheGenericPathDecodes(String json) {
		ChatCompletionChunk generic = GENERIC.readValue(json, ChatCompletionChunk.class);

		ChatCompletionChunk chunk = CerebrasJson.fromJson(json, ChatCompletionChunk.class);

		assertThat(chunk).isEqualTo(generic);
		assertThat(CerebrasJson.mapper().readTree(chunk.toJson()))
			.isEqualTo(CerebrasJson.mapper().readTree(generic.toJson()));
	}

	static Stream<String> malformed() {
		return Stream.of("[]", "\"chunk\"", "{\"choices\":[null]}", "{\"choices\":{\"index\":0}}", "{\"choices\":[{\"delta\":{\"content\":{}}}]}",
				"{\"choices\":[{\"delta\":[1]}]}", "{\"choices\":[\"x\"]}", "{\"created\":\"soon\"}",
				"{\"usage\":{\"prompt_tokens\":\"many\"}}", "{\"choices\":[{\"index\":1.5e40}]}",
				"{\"choices\":[{\"tokens\":[1,null]}]}", "{\"choices\":[{\"delta\":{\"tool_calls\":[null]}}]}",
				"{\"choices\":[{\"delta\":{\"tokens\":[null]}}]}");
	}

	@ParameterizedTest
	@MethodSource("malformed")
	void failsWhereTheGenericPathFails(String json) {
		JacksonException generic = catchThrowableOfType(JacksonException.class,
				() -> GENERIC.readValue(json, ChatCompletionChunk.class));
		assertThat(generic).as("the generic path fails on %s", json).isNotNull();

		assertThatThrownBy(() -> CerebrasJson.fromJson(json, ChatCompletionChunk.class))
			.isInstanceOf(JacksonException.class);
	}

	@Test
	void keepsUnknownFieldsInTheirOrderAndTheLastOfTwoWithTheSameName() {
		ChatCompletionChunk chunk = CerebrasJson.fromJson(
				"{\"id\":\"first\",\"b\":1,\"a\":2,\"id\":\"second\",\"b\":3,\"c\":null}", ChatCompletionChunk.class);

		assertThat(chunk.id()).isEqualTo("second");
		assertThat(chunk.extra().keySet()).containsExactly("b", "a", "c");
		assertThat(chunk.extra()).containsEntry("b", 3).containsEntry("c", null);
	}

	@JsonDeserialize(using = ValueDeserializer.None.class)
	private interface GenericPath {

	}

}
