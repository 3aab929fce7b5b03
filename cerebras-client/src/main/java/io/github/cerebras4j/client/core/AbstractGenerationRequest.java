package io.github.cerebras4j.client.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.cerebras4j.client.internal.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The parameters that the chat and the text completion requests share: their fields, checks, accessors and builder
 * setters, so that each request type declares only its own. Applications use {@code ChatCompletionRequest} or
 * {@code CompletionRequest} and their builders; this class is not meant to be extended outside this library.
 * <p>
 * A request is written as JSON from its fields: snake case names, unset ones left out, and the extra body fields
 * not at all (the transport merges them). It is read from JSON through its builder's fields, so that the builder's
 * checks apply: {@code stream} is skipped and unknown fields land in the extra body.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AbstractGenerationRequest implements CerebrasRequest {

	private final String model;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Map<String, Integer> logitBias;

	private final @Nullable Integer maxTokens;

	private final @Nullable Integer minTokens;

	private final @Nullable Integer n;

	private final @Nullable Double presencePenalty;

	private final @Nullable String promptCacheKey;

	private final @Nullable Long seed;

	@JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
	private final @Nullable List<String> stop;

	private final @Nullable StreamOptions streamOptions;

	private final @Nullable Double temperature;

	private final @Nullable Double topP;

	private final @Nullable String user;

	@JsonIgnore
	private final Map<String, @Nullable Object> extraBody;

	/**
	 * Checks and copies the shared parameters of a builder.
	 * @param builder the builder
	 * @throws IllegalArgumentException if a parameter is missing or out of its range, naming the JSON field
	 */
	protected AbstractGenerationRequest(AbstractBuilder<?> builder) {
		this.model = RequestChecks.model(builder.model);
		RequestChecks.between("frequency_penalty", builder.frequencyPenalty, -2, 2);
		RequestChecks.between("presence_penalty", builder.presencePenalty, -2, 2);
		RequestChecks.between("temperature", builder.temperature, 0, 2);
		RequestChecks.between("top_p", builder.topP, 0, 1);
		RequestChecks.atLeast("max_tokens", builder.maxTokens, 1);
		RequestChecks.atLeast("min_tokens", builder.minTokens, -1);
		RequestChecks.atLeast("n", builder.n, 1);
		this.frequencyPenalty = builder.frequencyPenalty;
		this.logitBias = RequestChecks.logitBias(builder.logitBias);
		this.maxTokens = builder.maxTokens;
		this.minTokens = builder.minTokens;
		this.n = builder.n;
		this.presencePenalty = builder.presencePenalty;
		this.promptCacheKey = builder.promptCacheKey;
		this.seed = builder.seed;
		this.stop = RequestChecks.stop(builder.stop);
		this.streamOptions = builder.streamOptions;
		this.temperature = builder.temperature;
		this.topP = builder.topP;
		this.user = builder.user;
		this.extraBody = RequestChecks.extraBody(builder.extraBody);
	}

	/**
	 * Returns the model id ({@code model}).
	 * @return the model id, for example {@code llama3.1-8b}
	 */
	@Override
	public String model() {
		return this.model;
	}

	/**
	 * Returns the penalty for tokens by how often they already appeared ({@code frequency_penalty}).
	 * @return -2 to 2, or {@code null} when not set
	 */
	public @Nullable Double frequencyPenalty() {
		return this.frequencyPenalty;
	}

	/**
	 * Returns the biases added to the listed token ids' logits ({@code logit_bias}).
	 * @return token id to bias (-100 to 100), unmodifiable, or {@code null} when not set
	 */
	public @Nullable Map<String, Integer> logitBias() {
		return this.logitBias;
	}

	/**
	 * Returns the most tokens to generate ({@code max_tokens}).
	 * @return at least 1, or {@code null} when not set
	 */
	public @Nullable Integer maxTokens() {
		return this.maxTokens;
	}

	@Override
	public @Nullable Integer maxOutputTokens() {
		return this.maxTokens;
	}

	/**
	 * Returns the fewest tokens to generate ({@code min_tokens}).
	 * @return 0 when the model decides, -1 for the maximum sequence length, or {@code null} when not set
	 */
	public @Nullable Integer minTokens() {
		return this.minTokens;
	}

	/**
	 * Returns how many choices to generate ({@code n}).
	 * @return at least 1, or {@code null} when not set
	 */
	public @Nullable Integer n() {
		return this.n;
	}

	/**
	 * Returns the penalty for tokens that already appeared ({@code presence_penalty}).
	 * @return -2 to 2, or {@code null} when not set
	 */
	public @Nullable Double presencePenalty() {
		return this.presencePenalty;
	}

	/**
	 * Returns the key of requests that likely share a prompt prefix ({@code prompt_cache_key}).
	 * @return the key, or {@code null} when not set
	 */
	public @Nullable String promptCacheKey() {
		return this.promptCacheKey;
	}

	/**
	 * Returns the seed for best-effort deterministic sampling ({@code seed}).
	 * @return the seed, or {@code null} when not set
	 */
	public @Nullable Long seed() {
		return this.seed;
	}

	/**
	 * Returns the sequences that end generation ({@code stop}); one is written as a JSON string, several as an
	 * array.
	 * @return 1 to 4 sequences, unmodifiable, or {@code null} when not set
	 */
	public @Nullable List<String> stop() {
		return this.stop;
	}

	@Override
	public @Nullable StreamOptions streamOptions() {
		return this.streamOptions;
	}

	/**
	 * Returns the sampling temperature ({@code temperature}).
	 * @return 0 to 2, or {@code null} when not set
	 */
	public @Nullable Double temperature() {
		return this.temperature;
	}

	/**
	 * Returns the nucleus sampling probability mass ({@code top_p}).
	 * @return 0 to 1, or {@code null} when not set
	 */
	public @Nullable Double topP() {
		return this.topP;
	}

	/**
	 * Returns the id of the end user, for abuse monitoring ({@code user}).
	 * @return the id, or {@code null} when not set
	 */
	public @Nullable String user() {
		return this.user;
	}

	@Override
	public Map<String, @Nullable Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * Puts the fields of the request type itself, by their Java names, into the map that {@link #equals(Object)},
	 * {@link #hashCode()} and {@link #toString()} work on; {@code null} values are dropped afterwards.
	 * @param fields the fields, holding {@code model} already
	 */
	protected abstract void putOwnFields(Map<String, @Nullable Object> fields);

	/** The set fields of this request, by name, in the order {@code toString()} shows them. */
	private Map<String, @Nullable Object> fields() {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		fields.put("model", this.model);
		putOwnFields(fields);
		fields.put("frequencyPenalty", this.frequencyPenalty);
		fields.put("logitBias", this.logitBias);
		fields.put("maxTokens", this.maxTokens);
		fields.put("minTokens", this.minTokens);
		fields.put("n", this.n);
		fields.put("presencePenalty", this.presencePenalty);
		fields.put("promptCacheKey", this.promptCacheKey);
		fields.put("seed", this.seed);
		fields.put("stop", this.stop);
		fields.put("streamOptions", this.streamOptions);
		fields.put("temperature", this.temperature);
		fields.put("topP", this.topP);
		fields.put("user", this.user);
		if (!this.extraBody.isEmpty()) {
			fields.put("extraBody", this.extraBody);
		}
		fields.values().removeIf(Objects::isNull);
		return fields;
	}

	@Override
	public final boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		return (other != null && other.getClass() == getClass()
				&& fields().equals(((AbstractGenerationRequest) other).fields()));
	}

	@Override
	public final int hashCode() {
		return fields().hashCode();
	}

	/**
	 * Describes the request by the fields that are set, for example
	 * {@code ChatCompletionRequest[model=llama3.1-8b, messages=[...], temperature=0.2]}.
	 * @return the description
	 */
	@Override
	public final String toString() {
		StringJoiner description = new StringJoiner(", ", getClass().getSimpleName() + "[", "]");
		fields().forEach((name, value) -> description.add(name + "=" + value));
		return description.toString();
	}

	/**
	 * The setters of the shared parameters. Setters replace, and {@code null} unsets: the field is then not sent.
	 * Read from JSON, a request fills its builder's fields directly and is built as usual.
	 *
	 * @param <B> the builder type, returned by every setter
	 */
	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE,
			creatorVisibility = Visibility.NONE)
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	@JsonIgnoreProperties("stream")
	public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {

		private @Nullable String model;

		private @Nullable Double frequencyPenalty;

		private @Nullable Map<String, Integer> logitBias;

		private @Nullable Integer maxTokens;

		private @Nullable Integer minTokens;

		private @Nullable Integer n;

		private @Nullable Double presencePenalty;

		private @Nullable String promptCacheKey;

		private @Nullable Long seed;

		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		private @Nullable List<String> stop;

		private @Nullable StreamOptions streamOptions;

		private @Nullable Double temperature;

		private @Nullable Double topP;

		private @Nullable String user;

		@JsonAnySetter
		private Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		/**
		 * Starts with every parameter unset.
		 */
		protected AbstractBuilder() {
		}

		/**
		 * Starts with the shared parameters of a request.
		 * @param request the request to copy
		 */
		protected AbstractBuilder(AbstractGenerationRequest request) {
			this.model = request.model;
			this.frequencyPenalty = request.frequencyPenalty;
			logitBias(request.logitBias);
			this.maxTokens = request.maxTokens;
			this.minTokens = request.minTokens;
			this.n = request.n;
			this.presencePenalty = request.presencePenalty;
			this.promptCacheKey = request.promptCacheKey;
			this.seed = request.seed;
			this.stop = request.stop;
			this.streamOptions = request.streamOptions;
			this.temperature = request.temperature;
			this.topP = request.topP;
			this.user = request.user;
			extraBody(request.extraBody);
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

		/**
		 * Sets the model id.
		 * @param model the model id, for example {@code llama3.1-8b}
		 * @return this builder
		 */
		public B model(String model) {
			this.model = model;
			return self();
		}

		/**
		 * Sets the penalty for tokens by how often they already appeared.
		 * @param frequencyPenalty {@code frequency_penalty}, -2 to 2
		 * @return this builder
		 */
		public B frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return self();
		}

		/**
		 * Replaces the logit biases.
		 * @param logitBias {@code logit_bias}: token id to bias, -100 to 100
		 * @return this builder
		 */
		public B logitBias(@Nullable Map<String, Integer> logitBias) {
			this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
			return self();
		}

		/**
		 * Adds or replaces the bias of one token.
		 * @param tokenId the token id
		 * @param bias the bias, -100 to 100
		 * @return this builder
		 */
		public B logitBias(String tokenId, int bias) {
			if (this.logitBias == null) {
				this.logitBias = new LinkedHashMap<>();
			}
			this.logitBias.put(tokenId, bias);
			return self();
		}

		/**
		 * Sets the most tokens to generate.
		 * @param maxTokens {@code max_tokens}, at least 1
		 * @return this builder
		 */
		public B maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return self();
		}

		/**
		 * Sets the fewest tokens to generate.
		 * @param minTokens {@code min_tokens}; 0 lets the model decide, -1 means the maximum sequence length
		 * @return this builder
		 */
		public B minTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
			return self();
		}

		/**
		 * Sets how many choices to generate.
		 * @param n {@code n}, at least 1
		 * @return this builder
		 */
		public B n(@Nullable Integer n) {
			this.n = n;
			return self();
		}

		/**
		 * Sets the penalty for tokens that already appeared.
		 * @param presencePenalty {@code presence_penalty}, -2 to 2
		 * @return this builder
		 */
		public B presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return self();
		}

		/**
		 * Sets the prompt cache key: requests sharing it likely share a prompt prefix.
		 * @param promptCacheKey {@code prompt_cache_key}
		 * @return this builder
		 */
		public B promptCacheKey(@Nullable String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return self();
		}

		/**
		 * Sets the seed for best-effort deterministic sampling.
		 * @param seed {@code seed}
		 * @return this builder
		 */
		public B seed(@Nullable Long seed) {
			this.seed = seed;
			return self();
		}

		/**
		 * Sets the sequences that end generation.
		 * @param stop up to 4 non-empty sequences
		 * @return this builder
		 */
		public B stop(String... stop) {
			return stop(Arrays.asList(stop));
		}

		/**
		 * Sets the sequences that end generation.
		 * @param stop up to 4 non-empty sequences, or {@code null} to unset
		 * @return this builder
		 */
		public B stop(@Nullable List<String> stop) {
			this.stop = (stop != null) ? new ArrayList<>(stop) : null;
			return self();
		}

		/**
		 * Sets the stream options, consulted when the request is streamed.
		 * @param streamOptions {@code stream_options}, for example {@link StreamOptions#withUsage()}
		 * @return this builder
		 */
		public B streamOptions(@Nullable StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
			return self();
		}

		/**
		 * Sets the sampling temperature.
		 * @param temperature {@code temperature}, 0 to 2
		 * @return this builder
		 */
		public B temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return self();
		}

		/**
		 * Sets the nucleus sampling probability mass.
		 * @param topP {@code top_p}, 0 to 1
		 * @return this builder
		 */
		public B topP(@Nullable Double topP) {
			this.topP = topP;
			return self();
		}

		/**
		 * Sets the {@code user} field, an id of the end user; each request type names its public setter.
		 * @param user {@code user}
		 * @return this builder
		 */
		protected B endUser(@Nullable String user) {
			this.user = user;
			return self();
		}

		/**
		 * Adds or replaces a field merged into the body after the typed ones; it wins on a name clash.
		 * @param name the JSON field name
		 * @param value the value, or {@code null} to send JSON {@code null}
		 * @return this builder
		 */
		public B extraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return self();
		}

		/**
		 * Replaces the fields merged into the body after the typed ones.
		 * @param extraBody the fields by JSON name; {@code null} values are sent as JSON {@code null}
		 * @return this builder
		 */
		public B extraBody(Map<String, ? extends @Nullable Object> extraBody) {
			this.extraBody = new LinkedHashMap<>(extraBody);
			return self();
		}

	}

}
