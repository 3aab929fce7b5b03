package io.github.cerebras4j.client.chat;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message of the conversation sent to the model, written with its {@code role}: {@code system},
 * {@code developer}, {@code user}, {@code assistant} or {@code tool}. The static factories cover the common
 * cases; the records' constructors take every field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "role")
@JsonSubTypes({ @JsonSubTypes.Type(value = SystemMessage.class, name = "system"),
		@JsonSubTypes.Type(value = DeveloperMessage.class, name = "developer"),
		@JsonSubTypes.Type(value = UserMessage.class, name = "user"),
		@JsonSubTypes.Type(value = AssistantMessage.class, name = "assistant"),
		@JsonSubTypes.Type(value = ToolMessage.class, name = "tool") })
public sealed interface ChatMessage permits SystemMessage, DeveloperMessage, UserMessage, AssistantMessage, ToolMessage {

	/**
	 * Creates a system message.
	 * @param content the instructions
	 * @return the message
	 */
	static SystemMessage system(String content) {
		return new SystemMessage(MessageContent.text(content), null);
	}

	/**
	 * Creates a developer message, which some models treat like a system message.
	 * @param content the instructions
	 * @return the message
	 */
	static DeveloperMessage developer(String content) {
		return new DeveloperMessage(MessageContent.text(content), null);
	}

	/**
	 * Creates a user message with text content.
	 * @param content the text
	 * @return the message
	 */
	static UserMessage user(String content) {
		return new UserMessage(MessageContent.text(content), null);
	}

	/**
	 * Creates a user message made of parts, for example text and images.
	 * @param parts the parts, at least one
	 * @return the message
	 */
	static UserMessage user(ContentPart... parts) {
		return new UserMessage(MessageContent.parts(Arrays.asList(parts)), null);
	}

	/**
	 * Creates an assistant message with text content, for example an earlier answer of the model.
	 * @param content the text
	 * @return the message
	 */
	static AssistantMessage assistant(String content) {
		return new AssistantMessage(MessageContent.text(content), null, null, null);
	}

	/**
	 * Creates a tool message that answers one tool call.
	 * @param toolCallId the {@link ToolCall#id()} this answers
	 * @param content the tool's result
	 * @return the message
	 */
	static ToolMessage tool(String toolCallId, String content) {
		return new ToolMessage(toolCallId, MessageContent.text(content), null);
	}

}
