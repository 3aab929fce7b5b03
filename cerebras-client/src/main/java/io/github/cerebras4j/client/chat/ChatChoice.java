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
 * One choice of a {@link ChatCompletion}; there are several when the request set {@code n}.
 *
 * @param index the position of this choice
 * @param message the model's answer
 * @param finishReason why generation stopped ({@code finish_reason}), see {@link FinishReason}
 * @param logprobs log probabilities of the content tokens, when requested
 * @param reasoningLogprobs log probabilities of the reasoning tokens ({@code reasoning_logprobs})
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChoice(@Nullable Integer index, @Nullable ChatCompletionMessage message,
		@Nullable String finishReason, @Nullable ChatLogprobs logprobs, @Nullable ChatLogprobs reasoningLogprobs,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates a choice; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param index the position of this choice
	 * @param message the model's answer
	 * @param finishReason why generation stopped ({@code finish_reason}), see {@link FinishReason}
	 * @param logprobs log probabilities of the content tokens, when requested
	 * @param reasoningLogprobs log probabilities of the reasoning tokens ({@code reasoning_logprobs})
	 * @param extra fields this library does not know yet
	 */
	public ChatChoice {
		extra = CerebrasJson.extra(extra);
	}

}
