package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.cerebras4j.client.core.CerebrasJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChatMessageTests {

	private final JsonMapper mapper = CerebrasJson.mapper();

	@ParameterizedTest(name = "{0}")
	@MethodSource("messages")
	void messageRoundTrips(String description, ChatMessage message) {
		String json = CerebrasJson.toJson(message);

		assertThat(CerebrasJson.fromJson(json, ChatMessage.class)).isEqualTo(message);
	}

	static Stream<Arguments> messages() {
		MessageContent parts = MessageContent.parts(List.of(ContentPart.text("Look:"),
				ContentPart.imageUrl("data:image/png;base64,AAAA", "low"), ContentPart.image("aW1hZ2U=")));
		return Stream.of(Arguments.of("system text", ChatMessage.system("Be brief.")),
				Arguments.of("system parts with name", new SystemMessage(parts, "rules")),
				Arguments.of("developer", new DeveloperMessage(MessageContent.text("Use English."), "dev")),
				Arguments.of("user text with name", new UserMessage(MessageContent.text("Hi"), "alice")),
				Arguments.of("user parts", ChatMessage.user(ContentPart.text("What is this?"),
						ContentPart.imageUrl("https://example.com/cat.png"))),
				Arguments.of("assistant with every field",
						new AssistantMessage(MessageContent.text("Sunny."),
								MessageContent.parts(List.of(ContentPart.text("The tool said so."))), "bot",
								List.of(new ToolCall("call_1", "function",
										new ToolCall.Function("weather", "{}", Map.of()), 0, Map.of())))),
				Arguments.of("assistant tool calls only",
						AssistantMessage.ofToolCalls(List.of(ToolCall.of("call_1", "weather", "{\"city\":\"Oslo\"}")))),
				Arguments.of("tool with name", new ToolMessage("call_1", MessageContent.text("{\"t\":3}"), "weather")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "system", "developer", "user", "assistant", "tool" })
	void messageIsReadByItsRole(String role) {
		String json = """
				{"role": "%s", "content": "text", "tool_call_id": "call_1"}
				""".formatted(role);

		ChatMessage message = CerebrasJson.fromJson(json, ChatMessage.class);

		assertThat(this.mapper.readTree(CerebrasJson.toJson(message)).get("role").asString()).isEqualTo(role);
	}

	@Test
	void textContentIsAStringAndPartsAreAnArray() {
		assertThat(CerebrasJson.toJson(ChatMessage.user("Hi"))).isEqualTo("{\"role\":\"user\",\"content\":\"Hi\"}");
		assertThat(this.mapper.readTree(CerebrasJson.toJson(ChatMessage.user(ContentPart.text("Hi")))))
			.isEqualTo(this.mapper.readTree("""
					{"role": "user", "content": [{"type": "text", "text": "Hi"}]}
					"""));
	}

	@Test
	void contentIsRequiredExceptOnAssistantMessages() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SystemMessage(null, null))
			.withMessageContaining("content");
		assertThatIllegalArgumentException().isThrownBy(() -> new DeveloperMessage(null, null))
			.withMessageContaining("content");
		assertThatIllegalArgumentException().isThrownBy(() -> new UserMessage(null, null))
			.withMessageContaining("content");
		assertThatIllegalArgumentException().isThrownBy(() -> new ToolMessage("call_1", null, null))
			.withMessageContaining("content");
		assertThat(new AssistantMessage(null, null, null, null).content()).isNull();
	}

	@Test
	void toolMessageRequiresToolCallId() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.tool(" ", "result"))
			.withMessageContaining("tool_call_id");
	}

	@Test
	void assistantToolCallsRequireIdAndFunctionName() {
		ToolCall noId = new ToolCall(null, "function", new ToolCall.Function("f", "{}", Map.of()), null, Map.of());
		ToolCall noFunction = new ToolCall("call_1", "function", null, null, Map.of());
		ToolCall noName = ToolCall.of("call_1", " ", "{}");

		assertThatIllegalArgumentException().isThrownBy(() -> AssistantMessage.ofToolCalls(List.of(noId)))
			.withMessageContaining("tool_calls[].id");
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantMessage.ofToolCalls(List.of(noFunction)))
			.withMessageContaining("tool_calls[].function.name");
		assertThatIllegalArgumentException().isThrownBy(() -> AssistantMessage.ofToolCalls(List.of(noName)))
			.withMessageContaining("tool_calls[].function.name");
	}

	@Test
	void contentPartsMustNotBeEmptyOrNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user(new ContentPart[0]))
			.withMessageContaining("content parts");
		assertThatIllegalArgumentException().isThrownBy(() -> ChatMessage.user(ContentPart.text("a"), null))
			.withMessageContaining("content parts");
	}

}
