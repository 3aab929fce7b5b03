package io.github.cerebras4j.client.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An earlier turn of the model, written with role {@code assistant}: its answer, its reasoning, or the tools
 * it called.
 *
 * @param content the answer, or {@code null} when the turn only called tools
 * @param reasoning the model's reasoning of that turn, or {@code null}
 * @param name an optional name of the participant
 * @param toolCalls the tools the model called ({@code tool_calls}), each with an id and a function name, or
 * {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantMessage(@Nullable MessageContent content, @Nullable MessageContent reasoning,
		@Nullable String name, @Nullable List<ToolCall> toolCalls) implements ChatMessage {

	/**
	 * Creates an assistant message, checking every tool call it carries; {@code toolCalls} is kept as an unmodifiable
	 * copy.
	 * @param content the answer, or {@code null} when the turn only called tools
	 * @param reasoning the model's reasoning of that turn, or {@code null}
	 * @param name an optional name of the participant
	 * @param toolCalls the tools the model called ({@code tool_calls}), each with an id and a function name, or {@code
	 * null}
	 * @throws IllegalArgumentException if a tool call is {@code null}, or has a blank {@code id} or function name
	 */
	public AssistantMessage {
		if (toolCalls != null) {
			for (ToolCall toolCall : toolCalls) {
				if (toolCall == null) {
					throw new IllegalArgumentException("tool_calls must not contain null");
				}
				if (toolCall.id() == null || toolCall.id().isBlank()) {
					throw new IllegalArgumentException("tool_calls[].id must not be blank");
				}
				if (toolCall.function() == null || toolCall.function().name() == null
						|| toolCall.function().name().isBlank()) {
					throw new IllegalArgumentException("tool_calls[].function.name must not be blank");
				}
			}
			toolCalls = List.copyOf(toolCalls);
		}
	}

	/**
	 * Creates an assistant message that only calls tools, as the model answered.
	 * @param toolCalls the tool calls, each with an id and a function name
	 * @return the message
	 */
	public static AssistantMessage ofToolCalls(List<ToolCall> toolCalls) {
		return new AssistantMessage(null, null, null, toolCalls);
	}

}
