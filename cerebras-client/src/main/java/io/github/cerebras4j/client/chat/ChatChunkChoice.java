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
 * One choice of a {@link ChatCompletionChunk}.
 *
 * @param index the position of the choice this chunk continues
 * @param delta what this chunk adds to the choice's message, or {@code null}
 * @param finishReason why generation stopped ({@code finish_reason}), on the choice's last chunk only; see
 * {@link FinishReason}
 * @param logprobs log probabilities of this chunk's content tokens, when requested
 * @param reasoningLogprobs log probabilities of this chunk's reasoning tokens ({@code reasoning_logprobs})
 * @param text the text of this piece (deprecated by the API), or {@code null}
 * @param tokens the token ids of this piece (deprecated by the API), or {@code null}
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChunkChoice(@Nullable Integer index, @Nullable ChatDelta delta, @Nullable String finishReason,
		@Nullable ChatLogprobs logprobs, @Nullable ChatLogprobs reasoningLogprobs, @Nullable String text,
		@Nullable List<Integer> tokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra)
		implements ApiObject {

	/**
	 * Creates the choice of a chunk; {@code tokens} and {@code extra} are kept as unmodifiable copies, {@code extra}
	 * empty when {@code null}.
	 * @param index the position of the choice this chunk continues
	 * @param delta what this chunk adds to the choice's message, or {@code null}
	 * @param finishReason why generation stopped ({@code finish_reason}), on the choice's last chunk only; see {@link
	 * FinishReason}
	 * @param logprobs log probabilities of this chunk's content tokens, when requested
	 * @param reasoningLogprobs log probabilities of this chunk's reasoning tokens ({@code reasoning_logprobs})
	 * @param text the text of this piece (deprecated by the API), or {@code null}
	 * @param tokens the token ids of this piece (deprecated by the API), or {@code null}
	 * @param extra fields this library does not know yet
	 */
	public ChatChunkChoice {
		tokens = (tokens != null) ? List.copyOf(tokens) : null;
		extra = CerebrasJson.extra(extra);
	}

}
