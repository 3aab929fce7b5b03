package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The result of a tool call, written with role {@code tool}.
 *
 * @param toolCallId the id of the tool call this answers ({@code tool_call_id})
 * @param content the tool's result
 * @param name an optional name of the participant
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolMessage(String toolCallId, MessageContent content, @Nullable String name) implements ChatMessage {

	/**
	 * Creates a tool message.
	 * @param toolCallId the id of the tool call this answers ({@code tool_call_id})
	 * @param content the tool's result
	 * @param name an optional name of the participant
	 * @throws IllegalArgumentException if {@code toolCallId} is {@code null} or blank, or {@code content} is {@code
	 * null}
	 */
	public ToolMessage {
		if (toolCallId == null || toolCallId.isBlank()) {
			throw new IllegalArgumentException("tool_call_id of a tool message must not be blank");
		}
		if (content == null) {
			throw new IllegalArgumentException("content of a tool message must not be null");
		}
	}

}
