package io.github.cerebras4j.client.completions;

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
 * One generated text of a {@link Completion}, or its increment in a {@link CompletionChunk}. Fields the API sends
 * on some versions only, such as the Python SDK's {@code reasoning_logprobs} or a chunk's chat-style
 * {@code delta}, are kept in {@link #extra()}.
 *
 * @param index the position of this choice among the request's choices
 * @param text the generated text (in a chunk, the text added by this chunk)
 * @param tokens the generated token ids, sent when raw tokens were asked for
 * @param finishReason {@code finish_reason}: why generation stopped, for example {@value #FINISH_REASON_STOP};
 * {@code null} until the choice is finished
 * @param logprobs log probabilities of the generated tokens, when the request asked for them
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionChoice(@Nullable Integer index, @Nullable String text, @Nullable List<Integer> tokens,
		@Nullable String finishReason, @Nullable CompletionLogprobs logprobs,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/** The {@code finish_reason} of a choice that reached a natural end or a stop sequence. */
	public static final String FINISH_REASON_STOP = "stop";

	/** The {@code finish_reason} of a choice cut off by {@code max_tokens} or the context length. */
	public static final String FINISH_REASON_LENGTH = "length";

	/** The {@code finish_reason} of a choice withheld by a content filter. */
	public static final String FINISH_REASON_CONTENT_FILTER = "content_filter";

	/**
	 * Creates a choice; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param index the position of this choice among the request's choices
	 * @param text the generated text (in a chunk, the text added by this chunk)
	 * @param tokens the generated token ids, sent when raw tokens were asked for
	 * @param finishReason {@code finish_reason}: why generation stopped, for example {@value #FINISH_REASON_STOP};
	 * {@code null} until the choice is finished
	 * @param logprobs log probabilities of the generated tokens, when the request asked for them
	 * @param extra fields this library does not know yet
	 */
	public CompletionChoice {
		extra = CerebrasJson.extra(extra);
	}

}
