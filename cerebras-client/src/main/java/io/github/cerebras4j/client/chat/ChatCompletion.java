package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.TimeInfo;
import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The response of {@code POST /v1/chat/completions} when not streamed. The shortcuts {@link #content()},
 * {@link #reasoning()}, {@link #toolCalls()} and {@link #finishReason()} read the first choice.
 *
 * @param id the completion's id
 * @param object the kind of object, {@code chat.completion}
 * @param created when the completion was created, in Unix seconds
 * @param model the model that generated it
 * @param systemFingerprint the backend configuration that generated it ({@code system_fingerprint})
 * @param choices the choices, one unless the request set {@code n}; empty when absent
 * @param serviceTier the processing tier used ({@code service_tier})
 * @param timeInfo the server's timing ({@code time_info})
 * @param usage the token counts
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletion(@Nullable String id, @Nullable String object, @Nullable Long created,
		@Nullable String model, @Nullable String systemFingerprint, List<ChatChoice> choices,
		@Nullable String serviceTier, @Nullable TimeInfo timeInfo, @Nullable Usage usage,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements Generation {

	/**
	 * Creates a chat completion; {@code choices} and {@code extra} are kept as unmodifiable copies, empty when {@code
	 * null}.
	 * @param id the completion's id
	 * @param object the kind of object, {@code chat.completion}
	 * @param created when the completion was created, in Unix seconds
	 * @param model the model that generated it
	 * @param systemFingerprint the backend configuration that generated it ({@code system_fingerprint})
	 * @param choices the choices, one unless the request set {@code n}; empty when absent
	 * @param serviceTier the processing tier used ({@code service_tier})
	 * @param timeInfo the server's timing ({@code time_info})
	 * @param usage the token counts
	 * @param extra fields this library does not know yet
	 */
	public ChatCompletion {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * Returns the first choice's answer.
	 * @return the content, or {@code null} when there is none (for example only tool calls)
	 */
	public @Nullable String content() {
		ChatCompletionMessage message = firstMessage();
		return (message != null) ? message.content() : null;
	}

	/**
	 * Returns the first choice's reasoning.
	 * @return the reasoning, or {@code null} when there is none
	 */
	public @Nullable String reasoning() {
		ChatCompletionMessage message = firstMessage();
		return (message != null) ? message.reasoning() : null;
	}

	/**
	 * Returns the tools the first choice called.
	 * @return the tool calls, empty when there are none
	 */
	public List<ToolCall> toolCalls() {
		ChatCompletionMessage message = firstMessage();
		return (message != null && message.toolCalls() != null) ? message.toolCalls() : List.of();
	}

	/**
	 * Returns why the first choice stopped, see {@link FinishReason}.
	 * @return the finish reason, or {@code null} when there is none
	 */
	public @Nullable String finishReason() {
		return this.choices.isEmpty() ? null : this.choices.get(0).finishReason();
	}

	private @Nullable ChatCompletionMessage firstMessage() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message();
	}

}
