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
 * Log probabilities of a choice's tokens ({@code logprobs}, or {@code reasoning_logprobs} for the reasoning).
 *
 * @param content the tokens of the content, in order, or {@code null}
 * @param refusal the tokens of a refusal, or {@code null}
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatLogprobs(@Nullable List<TokenLogprob> content, @Nullable List<TokenLogprob> refusal,
		@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates the log probabilities of a choice; {@code content}, {@code refusal} and {@code extra} are kept as
	 * unmodifiable copies, {@code extra} empty when {@code null}.
	 * @param content the tokens of the content, in order, or {@code null}
	 * @param refusal the tokens of a refusal, or {@code null}
	 * @param extra fields this library does not know yet
	 */
	public ChatLogprobs {
		content = (content != null) ? List.copyOf(content) : null;
		refusal = (refusal != null) ? List.copyOf(refusal) : null;
		extra = CerebrasJson.extra(extra);
	}

}
