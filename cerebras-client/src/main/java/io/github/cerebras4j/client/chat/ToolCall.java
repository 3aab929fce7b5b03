package io.github.cerebras4j.client.chat;

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
 * A call of a tool by the model: in a response's message, as a fragment in a stream's delta, and in an
 * {@link AssistantMessage} sent back as history (where {@code id} and the function's name are required).
 *
 * @param id the id a {@link ToolMessage} answering this call refers to; in a stream only on the first fragment
 * @param type the kind of tool, {@code function}
 * @param function the function called and its arguments
 * @param index the position of this call among the message's calls; in a stream it tells which call a
 * fragment belongs to
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(@Nullable String id, @Nullable String type, @Nullable Function function,
		@Nullable Integer index, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates a tool call; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param id the id a {@link ToolMessage} answering this call refers to; in a stream only on the first fragment
	 * @param type the kind of tool, {@code function}
	 * @param function the function called and its arguments
	 * @param index the position of this call among the message's calls; in a stream it tells which call a fragment
	 * belongs to
	 * @param extra fields this library does not know yet
	 */
	public ToolCall {
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Creates a call of a function, for example to replay a conversation.
	 * @param id the call's id
	 * @param name the function's name
	 * @param arguments the arguments as JSON text
	 * @return the tool call, of type {@code function}
	 */
	public static ToolCall of(String id, String name, String arguments) {
		return new ToolCall(id, "function", new Function(name, arguments, Map.of()), null, Map.of());
	}

	/**
	 * The function a tool call invokes.
	 *
	 * @param name the function's name; in a stream only on the first fragment
	 * @param arguments the arguments as JSON text, as the model wrote them (not guaranteed to be valid JSON);
	 * in a stream each fragment carries the next piece
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(@Nullable String name, @Nullable String arguments,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the function of a tool call; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
		 * @param name the function's name; in a stream only on the first fragment
		 * @param arguments the arguments as JSON text, as the model wrote them (not guaranteed to be valid JSON); in a
		 * stream each fragment carries the next piece
		 * @param extra fields this library does not know yet
		 */
		public Function {
			extra = CerebrasJson.extra(extra);
		}

	}

}
