package io.github.cerebras4j.client.core;

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
 * Token counts of one completion. In a stream they arrive only on the final chunk.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated, reasoning included
 * @param totalTokens prompt and completion tokens together
 * @param promptTokensDetails how the prompt tokens break down, if the server says
 * @param completionTokensDetails how the completion tokens break down, if the server says
 * @param imageTokens tokens spent on images in the prompt
 * @param extra fields this library does not know yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens, @Nullable Integer totalTokens,
		@Nullable PromptTokensDetails promptTokensDetails, @Nullable CompletionTokensDetails completionTokensDetails,
		@Nullable Integer imageTokens, @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

	/**
	 * Creates the usage of a response; {@code extra} is kept as an unmodifiable copy, empty when {@code null}.
	 * @param promptTokens tokens in the prompt
	 * @param completionTokens tokens generated, reasoning included
	 * @param totalTokens prompt and completion tokens together
	 * @param promptTokensDetails how the prompt tokens break down, if the server says
	 * @param completionTokensDetails how the completion tokens break down, if the server says
	 * @param imageTokens tokens spent on images in the prompt
	 * @param extra fields this library does not know yet
	 */
	public Usage {
		extra = CerebrasJson.extra(extra);
	}

	/**
	 * How the prompt tokens break down.
	 *
	 * @param cachedTokens prompt tokens served from the prompt cache
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record PromptTokensDetails(@Nullable Integer cachedTokens,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the details of the prompt tokens; {@code extra} is kept as an unmodifiable copy, empty when {@code
		 * null}.
		 * @param cachedTokens prompt tokens served from the prompt cache
		 * @param extra fields this library does not know yet
		 */
		public PromptTokensDetails {
			extra = CerebrasJson.extra(extra);
		}

	}

	/**
	 * How the completion tokens break down.
	 *
	 * @param acceptedPredictionTokens predicted-output tokens that appeared in the completion
	 * @param rejectedPredictionTokens predicted-output tokens that did not
	 * @param reasoningTokens tokens the model spent reasoning
	 * @param extra fields this library does not know yet
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record CompletionTokensDetails(@Nullable Integer acceptedPredictionTokens,
			@Nullable Integer rejectedPredictionTokens, @Nullable Integer reasoningTokens,
			@JsonAnySetter @JsonAnyGetter Map<String, Object> extra) implements ApiObject {

		/**
		 * Creates the details of the completion tokens; {@code extra} is kept as an unmodifiable copy, empty when
		 * {@code null}.
		 * @param acceptedPredictionTokens predicted-output tokens that appeared in the completion
		 * @param rejectedPredictionTokens predicted-output tokens that did not
		 * @param reasoningTokens tokens the model spent reasoning
		 * @param extra fields this library does not know yet
		 */
		public CompletionTokensDetails {
			extra = CerebrasJson.extra(extra);
		}

	}

}
