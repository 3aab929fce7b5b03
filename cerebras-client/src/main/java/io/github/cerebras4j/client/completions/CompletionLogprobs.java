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
 * Log probabilities of a text completion's tokens, returned when the request set {@code logprobs}. The lists run
 * in parallel, one element per token; an element can be {@code null} where the server has no value (for example
 * the first token of an echoed prompt).
 *
 * @param tokens the tokens as text
 * @param tokenLogprobs {@code token_logprobs}: the log probability of each token
 * @param topLogprobs {@code top_logprobs}: for each position, the most likely tokens and their log probabilities
 * @param textOffset {@code text_offset}: the character offset of each token in the text
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionLogprobs(@Nullable List<String> tokens, @Nullable List<@Nullable Double> tokenLogprobs,
		@Nullable List<@Nullable Map<String, Double>> topLogprobs, @Nullable List<Integer> textOffset,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates the log probabilities of a choice; {@code extra} is kept as an unmodifiable copy, empty when {@code
	 * null}.
	 * @param tokens the tokens as text
	 * @param tokenLogprobs {@code token_logprobs}: the log probability of each token
	 * @param topLogprobs {@code top_logprobs}: for each position, the most likely tokens and their log probabilities
	 * @param textOffset {@code text_offset}: the character offset of each token in the text
	 * @param extra fields this library does not know yet
	 */
	public CompletionLogprobs {
		extra = CerebrasJson.extra(extra);
	}

}
