package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.ApiObject;
import io.github.cerebras4j.client.core.CerebrasJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The message of a choice in a {@link ChatCompletion}: the model's answer.
 *
 * @param role who wrote the message, {@code assistant}
 * @param content the answer, or {@code null} when the model only called tools
 * @param reasoning the model's reasoning, when the reasoning format returns it separately
 * @param toolCalls the tools the model called ({@code tool_calls}), or {@code null}
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionMessage(@Nullable String role, @Nullable String content, @Nullable String reasoning,
		@Nullable List<ToolCall> toolCalls, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
		implements ApiObject {

	/**
	 * Creates the message of a choice; {@code toolCalls} and {@code extra} are kept as unmodifiable copies, {@code
	 * extra} empty when {@code null}.
	 * @param role who wrote the message, {@code assistant}
	 * @param content the answer, or {@code null} when the model only called tools
	 * @param reasoning the model's reasoning, when the reasoning format returns it separately
	 * @param toolCalls the tools the model called ({@code tool_calls}), or {@code null}
	 * @param extra fields this library does not know yet
	 */
	public ChatCompletionMessage {
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : null;
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Turns this answer into an {@link AssistantMessage}, to send it back as part of the conversation.
	 * @return the assistant message with this message's content, reasoning and tool calls
	 * @throws IllegalArgumentException if a tool call lacks its id or function name
	 */
	public AssistantMessage toAssistantMessage() {
		return new AssistantMessage((this.content != null) ? MessageContent.text(this.content) : null,
				(this.reasoning != null) ? MessageContent.text(this.reasoning) : null, null, this.toolCalls);
	}

}
