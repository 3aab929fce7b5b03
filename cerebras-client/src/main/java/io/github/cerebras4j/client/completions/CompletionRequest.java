package io.github.cerebras4j.client.completions;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.internal.HeaderChecks;
import io.github.cerebras4j.client.internal.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /v1/completions}, a text (legacy) completion, plus the request's header parameters.
 * Build one with {@link #builder()}; the constructor checks every documented range and throws
 * {@link IllegalArgumentException} naming the JSON field. Fields left {@code null} are not sent. The body never
 * contains {@code stream}: the client adds it. A body can be read back from JSON (a mock server does):
 * {@code stream} is skipped, unknown fields land in {@code extraBody}, and the header parameters stay unset.
 *
 * @param model the model id, for example {@code llama3.1-8b}
 * @param prompt the prompt: a string, strings, token ids or token id arrays
 * @param bestOf {@code best_of}: how many completions the server generates to return the best; not streamable
 * @param echo whether the prompt is echoed before the completion
 * @param frequencyPenalty {@code frequency_penalty}, -2 to 2: penalises tokens by how often they appeared
 * @param grammarRoot {@code grammar_root}: the grammar root used for structured output generation
 * @param logitBias {@code logit_bias}: bias from -100 to 100 added to the logits of the given token ids
 * @param logprobs how many most likely tokens to return log probabilities for at each position, 0 to 20
 * @param maxTokens {@code max_tokens}: the most tokens to generate, at least 1
 * @param minTokens {@code min_tokens}: the fewest tokens to generate; 0 lets the model decide, -1 means the
 * maximum sequence length
 * @param n how many completions to return for each prompt, at least 1
 * @param presencePenalty {@code presence_penalty}, -2 to 2: penalises tokens that already appeared
 * @param promptCacheKey {@code prompt_cache_key}: groups requests that share a prompt prefix for caching
 * @param reasoningFormat {@code reasoning_format}: {@code none}, {@code parsed}, {@code text_parsed}, {@code raw}
 * or {@code hidden}; deprecated for text completions by the API (TS SDK 1.91), so kept as a plain string
 * @param returnRawTokens {@code return_raw_tokens}: return raw tokens instead of text
 * @param seed a seed for best-effort deterministic sampling
 * @param stop up to 4 sequences where generation stops; one is sent as a string, several as an array
 * @param streamOptions {@code stream_options}, consulted when the request is streamed
 * @param suffix text after the completion (an OpenAI feature the API does not support)
 * @param temperature sampling temperature, 0 to 2
 * @param topP {@code top_p}: nucleus sampling probability mass, 0 to 1
 * @param user an id of the end user, for abuse monitoring
 * @param extraBody fields merged into the JSON body last, winning on a name clash; not itself in the body (read
 * from JSON, the body's unknown fields)
 * @param cfRay the {@code CF-RAY} request header, not in the body
 * @param amzCfId the {@code X-Amz-Cf-Id} request header, not in the body
 * @param delayTime the {@code X-delay-time} request header, not in the body
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties("stream")
public record CompletionRequest(String model, Prompt prompt, @Nullable Integer bestOf, @Nullable Boolean echo,
		@Nullable Double frequencyPenalty, @Nullable String grammarRoot, @Nullable Map<String, Integer> logitBias,
		@Nullable Integer logprobs, @Nullable Integer maxTokens, @Nullable Integer minTokens, @Nullable Integer n,
		@Nullable Double presencePenalty, @Nullable String promptCacheKey, @Nullable String reasoningFormat,
		@Nullable Boolean returnRawTokens, @Nullable Long seed,
		@JsonFormat(with = { JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED,
				JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY }) @Nullable List<String> stop,
		@Nullable StreamOptions streamOptions, @Nullable String suffix, @Nullable Double temperature,
		@Nullable Double topP, @Nullable String user,
		@JsonAnySetter @JsonIgnore Map<String, @Nullable Object> extraBody, @JsonIgnore @Nullable String cfRay,
		@JsonIgnore @Nullable String amzCfId, @JsonIgnore @Nullable Double delayTime) implements CerebrasRequest {

	public CompletionRequest {
		RequestChecks.model(model);
		if (prompt == null) {
			throw new IllegalArgumentException("prompt must be set: a string, strings, token ids or token id arrays");
		}
		RequestChecks.atLeast("best_of", bestOf, 1);
		RequestChecks.atLeast("n", n, 1);
		if (bestOf != null && n != null && bestOf <= n) {
			throw new IllegalArgumentException("best_of must be greater than n (" + n + "), was " + bestOf);
		}
		RequestChecks.between("frequency_penalty", frequencyPenalty, -2, 2);
		RequestChecks.between("presence_penalty", presencePenalty, -2, 2);
		RequestChecks.between("temperature", temperature, 0, 2);
		RequestChecks.between("top_p", topP, 0, 1);
		RequestChecks.between("logprobs", logprobs, 0, 20);
		RequestChecks.atLeast("max_tokens", maxTokens, 1);
		RequestChecks.atLeast("min_tokens", minTokens, -1);
		logitBias = RequestChecks.logitBias(logitBias);
		stop = RequestChecks.stop(stop);
		extraBody = RequestChecks.extraBody(extraBody);
		HeaderChecks.optionalValue("CF-RAY", cfRay);
		HeaderChecks.optionalValue("X-Amz-Cf-Id", amzCfId);
	}

	/**
	 * Checks that this request can be streamed; the client calls it before streaming.
	 * @throws IllegalArgumentException if {@code best_of} is set
	 */
	@Override
	public void checkStreamable() {
		if (this.bestOf != null) {
			throw new IllegalArgumentException("best_of cannot be used when streaming, was " + this.bestOf
					+ ": the server must generate every candidate before it can pick the best");
		}
	}

	/**
	 * Starts an empty builder.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a builder holding this request's values, to derive a changed copy.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link CompletionRequest}; {@link #build()} validates. Setters taking {@code null} clear the
	 * field, so it is not sent.
	 */
	public static final class Builder {

		private @Nullable String model;

		private @Nullable Prompt prompt;

		private @Nullable Integer bestOf;

		private @Nullable Boolean echo;

		private @Nullable Double frequencyPenalty;

		private @Nullable String grammarRoot;

		private @Nullable Map<String, Integer> logitBias;

		private @Nullable Integer logprobs;

		private @Nullable Integer maxTokens;

		private @Nullable Integer minTokens;

		private @Nullable Integer n;

		private @Nullable Double presencePenalty;

		private @Nullable String promptCacheKey;

		private @Nullable String reasoningFormat;

		private @Nullable Boolean returnRawTokens;

		private @Nullable Long seed;

		private @Nullable List<String> stop;

		private @Nullable StreamOptions streamOptions;

		private @Nullable String suffix;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable String user;

		private Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		private @Nullable String cfRay;

		private @Nullable String amzCfId;

		private @Nullable Double delayTime;

		private Builder() {
		}

		private Builder(CompletionRequest request) {
			this.model = request.model;
			this.prompt = request.prompt;
			this.bestOf = request.bestOf;
			this.echo = request.echo;
			this.frequencyPenalty = request.frequencyPenalty;
			this.grammarRoot = request.grammarRoot;
			logitBias(request.logitBias);
			this.logprobs = request.logprobs;
			this.maxTokens = request.maxTokens;
			this.minTokens = request.minTokens;
			this.n = request.n;
			this.presencePenalty = request.presencePenalty;
			this.promptCacheKey = request.promptCacheKey;
			this.reasoningFormat = request.reasoningFormat;
			this.returnRawTokens = request.returnRawTokens;
			this.seed = request.seed;
			this.stop = request.stop;
			this.streamOptions = request.streamOptions;
			this.suffix = request.suffix;
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.user = request.user;
			extraBody(request.extraBody);
			this.cfRay = request.cfRay;
			this.amzCfId = request.amzCfId;
			this.delayTime = request.delayTime;
		}

		/**
		 * Sets the model id.
		 * @param model the model id, for example {@code llama3.1-8b}
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * Sets the prompt to one string.
		 * @param text the prompt text
		 * @return this builder
		 */
		public Builder prompt(String text) {
			this.prompt = Prompt.of(text);
			return this;
		}

		/**
		 * Sets the prompt in any of its forms.
		 * @param prompt the prompt
		 * @return this builder
		 */
		public Builder prompt(Prompt prompt) {
			this.prompt = prompt;
			return this;
		}

		/**
		 * Sets the prompt to token ids.
		 * @param tokenIds the token ids, at least one
		 * @return this builder
		 */
		public Builder promptTokens(int... tokenIds) {
			this.prompt = Prompt.tokens(tokenIds);
			return this;
		}

		/**
		 * Sets {@code best_of}; such a request cannot be streamed.
		 * @param bestOf how many completions the server generates, more than {@code n}
		 * @return this builder
		 */
		public Builder bestOf(@Nullable Integer bestOf) {
			this.bestOf = bestOf;
			return this;
		}

		/**
		 * Sets {@code echo}.
		 * @param echo whether the prompt is echoed before the completion
		 * @return this builder
		 */
		public Builder echo(@Nullable Boolean echo) {
			this.echo = echo;
			return this;
		}

		/**
		 * Sets {@code frequency_penalty}.
		 * @param frequencyPenalty -2 to 2
		 * @return this builder
		 */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		/**
		 * Sets {@code grammar_root}.
		 * @param grammarRoot the grammar root used for structured output generation
		 * @return this builder
		 */
		public Builder grammarRoot(@Nullable String grammarRoot) {
			this.grammarRoot = grammarRoot;
			return this;
		}

		/**
		 * Replaces {@code logit_bias}.
		 * @param logitBias bias from -100 to 100 by token id, or {@code null} to clear
		 * @return this builder
		 */
		public Builder logitBias(@Nullable Map<String, Integer> logitBias) {
			this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
			return this;
		}

		/**
		 * Adds one entry to {@code logit_bias}.
		 * @param tokenId the token id
		 * @param bias -100 to 100
		 * @return this builder
		 */
		public Builder logitBias(String tokenId, int bias) {
			if (this.logitBias == null) {
				this.logitBias = new LinkedHashMap<>();
			}
			this.logitBias.put(tokenId, bias);
			return this;
		}

		/**
		 * Sets {@code logprobs}.
		 * @param logprobs how many most likely tokens to return log probabilities for, 0 to 20
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Integer logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		/**
		 * Sets {@code max_tokens}.
		 * @param maxTokens the most tokens to generate, at least 1
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets {@code min_tokens}.
		 * @param minTokens the fewest tokens to generate; 0 lets the model decide, -1 means the maximum
		 * sequence length
		 * @return this builder
		 */
		public Builder minTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
			return this;
		}

		/**
		 * Sets {@code n}.
		 * @param n how many completions to return for each prompt, at least 1
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Sets {@code presence_penalty}.
		 * @param presencePenalty -2 to 2
		 * @return this builder
		 */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		/**
		 * Sets {@code prompt_cache_key}.
		 * @param promptCacheKey groups requests that share a prompt prefix for caching
		 * @return this builder
		 */
		public Builder promptCacheKey(@Nullable String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return this;
		}

		/**
		 * Sets {@code reasoning_format}, deprecated for text completions by the API.
		 * @param reasoningFormat {@code none}, {@code parsed}, {@code text_parsed}, {@code raw} or {@code hidden}
		 * @return this builder
		 */
		public Builder reasoningFormat(@Nullable String reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
			return this;
		}

		/**
		 * Sets {@code return_raw_tokens}.
		 * @param returnRawTokens whether raw tokens are returned instead of text
		 * @return this builder
		 */
		public Builder returnRawTokens(@Nullable Boolean returnRawTokens) {
			this.returnRawTokens = returnRawTokens;
			return this;
		}

		/**
		 * Sets {@code seed}.
		 * @param seed a seed for best-effort deterministic sampling
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Sets {@code stop}.
		 * @param sequences 1 to 4 non-empty sequences where generation stops
		 * @return this builder
		 */
		public Builder stop(String... sequences) {
			this.stop = Arrays.asList(sequences);
			return this;
		}

		/**
		 * Sets {@code stop}.
		 * @param sequences 1 to 4 non-empty sequences where generation stops, or {@code null} to clear
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> sequences) {
			this.stop = sequences;
			return this;
		}

		/**
		 * Sets {@code stream_options}, consulted when the request is streamed.
		 * @param streamOptions the stream options
		 * @return this builder
		 */
		public Builder streamOptions(@Nullable StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
			return this;
		}

		/**
		 * Sets {@code suffix} (an OpenAI feature the API does not support).
		 * @param suffix text after the completion
		 * @return this builder
		 */
		public Builder suffix(@Nullable String suffix) {
			this.suffix = suffix;
			return this;
		}

		/**
		 * Sets {@code temperature}.
		 * @param temperature 0 to 2
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets {@code top_p}.
		 * @param topP 0 to 1
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets {@code user}.
		 * @param user an id of the end user
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			this.user = user;
			return this;
		}

		/**
		 * Replaces the fields merged into the JSON body.
		 * @param extraBody the fields by JSON name; a {@code null} value is sent as JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(Map<String, ? extends @Nullable Object> extraBody) {
			this.extraBody = new LinkedHashMap<>(extraBody);
			return this;
		}

		/**
		 * Adds one field merged into the JSON body.
		 * @param name the JSON field name
		 * @param value the value; {@code null} is sent as JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Sets the {@code CF-RAY} request header.
		 * @param cfRay the header value, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder cfRay(@Nullable String cfRay) {
			this.cfRay = cfRay;
			return this;
		}

		/**
		 * Sets the {@code X-Amz-Cf-Id} request header.
		 * @param amzCfId the header value, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder amzCfId(@Nullable String amzCfId) {
			this.amzCfId = amzCfId;
			return this;
		}

		/**
		 * Sets the {@code X-delay-time} request header.
		 * @param delayTime the header value, or {@code null} to not send it
		 * @return this builder
		 */
		public Builder delayTime(@Nullable Double delayTime) {
			this.delayTime = delayTime;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the validated request
		 * @throws IllegalArgumentException if a field is missing or out of its range
		 */
		public CompletionRequest build() {
			return new CompletionRequest(this.model, this.prompt, this.bestOf, this.echo, this.frequencyPenalty,
					this.grammarRoot, this.logitBias, this.logprobs, this.maxTokens, this.minTokens, this.n,
					this.presencePenalty, this.promptCacheKey, this.reasoningFormat, this.returnRawTokens, this.seed,
					this.stop, this.streamOptions, this.suffix, this.temperature, this.topP, this.user, this.extraBody,
					this.cfRay, this.amzCfId, this.delayTime);
		}

	}

}
