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
 * What a {@link ChatCompletionChunk} adds to a choice's message.
 *
 * @param role who writes the message, usually only on the first chunk
 * @param content the next piece of the answer, or {@code null}
 * @param reasoning the next piece of the reasoning, or {@code null}
 * @param toolCalls fragments of tool calls ({@code tool_calls}), to be joined by their
 * {@link ToolCall#index()}, or {@code null}
 * @param tokens the token ids of this piece (deprecated by the API), or {@code null}
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatDelta(@Nullable String role, @Nullable String content, @Nullable String reasoning,
		@Nullable List<ToolCall> toolCalls, @Nullable List<Integer> tokens,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates a delta; {@code toolCalls}, {@code tokens} and {@code extra} are kept as unmodifiable copies, {@code
	 * extra} empty when {@code null}.
	 * @param role who writes the message, usually only on the first chunk
	 * @param content the next piece of the answer, or {@code null}
	 * @param reasoning the next piece of the reasoning, or {@code null}
	 * @param toolCalls fragments of tool calls ({@code tool_calls}), to be joined by their {@link ToolCall#index()}, or
	 * {@code null}
	 * @param tokens the token ids of this piece (deprecated by the API), or {@code null}
	 * @param extra fields this library does not know yet
	 */
	public ChatDelta {
		toolCalls = (toolCalls != null) ? List.copyOf(toolCalls) : null;
		tokens = (tokens != null) ? List.copyOf(tokens) : null;
		extra = CerebrasJson.extra(extra);
	}

}
