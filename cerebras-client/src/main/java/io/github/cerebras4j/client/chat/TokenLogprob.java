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
 * The log probability of one output token, with the most likely alternatives.
 *
 * @param token the token
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, or {@code null}
 * @param topLogprobs the most likely tokens at this position ({@code top_logprobs}), as many as requested
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenLogprob(@Nullable String token, @Nullable Double logprob, @Nullable List<Integer> bytes,
		List<TopLogprob> topLogprobs, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates the log probability of a token; {@code bytes}, {@code topLogprobs} and {@code extra} are kept as
	 * unmodifiable copies, {@code topLogprobs} and {@code extra} empty when {@code null}.
	 * @param token the token
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes, or {@code null}
	 * @param topLogprobs the most likely tokens at this position ({@code top_logprobs}), as many as requested
	 * @param extra fields this library does not know yet
	 */
	public TokenLogprob {
		bytes = (bytes != null) ? List.copyOf(bytes) : null;
		topLogprobs = (topLogprobs != null) ? List.copyOf(topLogprobs) : List.of();
		extra = CerebrasJson.extra(extra);
	}

}
