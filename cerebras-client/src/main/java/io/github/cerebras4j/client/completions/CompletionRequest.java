package io.github.cerebras4j.client.completions;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cerebras4j.client.core.AbstractGenerationRequest;
import io.github.cerebras4j.client.internal.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The body of {@code POST /v1/completions}, a text (legacy) completion. Build one with {@link #builder()};
 * {@link Builder#build()} checks every documented range and throws {@link IllegalArgumentException} naming the JSON
 * field. Fields left {@code null} are not sent. The body never contains {@code stream}: the client adds it. A body
 * can be read back from JSON (a mock server does): {@code stream} is skipped and unknown fields land in
 * {@link #extraBody()}.
 * <p>
 * The parameters shared with chat completions ({@link #temperature()}, {@link #maxTokens()}, {@link #stop()},
 * {@link #user()}, ...) are described on {@link AbstractGenerationRequest}.
 */
@JsonPropertyOrder(value = { "model", "prompt" }, alphabetic = true)
@JsonDeserialize(builder = CompletionRequest.Builder.class)
public final class CompletionRequest extends AbstractGenerationRequest {

	private final Prompt prompt;

	private final @Nullable Integer bestOf;

	private final @Nullable Boolean echo;

	private final @Nullable String grammarRoot;

	private final @Nullable Integer logprobs;

	private final @Nullable String reasoningFormat;

	private final @Nullable Boolean returnRawTokens;

	private final @Nullable String suffix;

	private CompletionRequest(Builder builder) {
		super(builder);
		if (builder.prompt == null) {
			throw new IllegalArgumentException("prompt must be set: a string, strings, token ids or token id arrays");
		}
		RequestChecks.atLeast("best_of", builder.bestOf, 1);
		Integer n = n();
		if (builder.bestOf != null && n != null && builder.bestOf <= n) {
			throw new IllegalArgumentException("best_of must be greater than n (" + n + "), was " + builder.bestOf);
		}
		RequestChecks.between("logprobs", builder.logprobs, 0, 20);
		this.prompt = builder.prompt;
		this.bestOf = builder.bestOf;
		this.echo = builder.echo;
		this.grammarRoot = builder.grammarRoot;
		this.logprobs = builder.logprobs;
		this.reasoningFormat = builder.reasoningFormat;
		this.returnRawTokens = builder.returnRawTokens;
		this.suffix = builder.suffix;
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
	 * Returns the prompt.
	 * @return a string, strings, token ids or token id arrays
	 */
	public Prompt prompt() {
		return this.prompt;
	}

	/**
	 * Returns how many completions the server generates to return the best ({@code best_of}); not streamable.
	 * @return more than {@code n}, or {@code null} when not set
	 */
	public @Nullable Integer bestOf() {
		return this.bestOf;
	}

	/**
	 * Returns whether the prompt is echoed before the completion ({@code echo}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean echo() {
		return this.echo;
	}

	/**
	 * Returns the grammar root used for structured output generation ({@code grammar_root}).
	 * @return the grammar root, or {@code null} when not set
	 */
	public @Nullable String grammarRoot() {
		return this.grammarRoot;
	}

	/**
	 * Returns how many most likely tokens to return log probabilities for at each position ({@code logprobs}).
	 * @return 0 to 20, or {@code null} when not set
	 */
	public @Nullable Integer logprobs() {
		return this.logprobs;
	}

	/**
	 * Returns where the reasoning is returned ({@code reasoning_format}): {@code none}, {@code parsed},
	 * {@code text_parsed}, {@code raw} or {@code hidden}; deprecated for text completions by the API (TS SDK 1.91),
	 * so kept as a plain string.
	 * @return the format, or {@code null} when not set
	 */
	public @Nullable String reasoningFormat() {
		return this.reasoningFormat;
	}

	/**
	 * Returns whether raw tokens are returned instead of text ({@code return_raw_tokens}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean returnRawTokens() {
		return this.returnRawTokens;
	}

	/**
	 * Returns the text after the completion ({@code suffix}), an OpenAI feature the API does not support.
	 * @return the suffix, or {@code null} when not set
	 */
	public @Nullable String suffix() {
		return this.suffix;
	}

	@Override
	protected void putOwnFields(Map<String, @Nullable Object> fields) {
		fields.put("prompt", this.prompt);
		fields.put("bestOf", this.bestOf);
		fields.put("echo", this.echo);
		fields.put("grammarRoot", this.grammarRoot);
		fields.put("logprobs", this.logprobs);
		fields.put("reasoningFormat", this.reasoningFormat);
		fields.put("returnRawTokens", this.returnRawTokens);
		fields.put("suffix", this.suffix);
	}

	/**
	 * Builds a {@link CompletionRequest}; {@link #build()} validates. Setters taking {@code null} clear the
	 * field, so it is not sent.
	 */
	public static final class Builder extends AbstractGenerationRequest.AbstractBuilder<Builder> {

		private @Nullable Prompt prompt;

		private @Nullable Integer bestOf;

		private @Nullable Boolean echo;

		private @Nullable String grammarRoot;

		private @Nullable Integer logprobs;

		private @Nullable String reasoningFormat;

		private @Nullable Boolean returnRawTokens;

		private @Nullable String suffix;

		private Builder() {
		}

		private Builder(CompletionRequest request) {
			super(request);
			this.prompt = request.prompt;
			this.bestOf = request.bestOf;
			this.echo = request.echo;
			this.grammarRoot = request.grammarRoot;
			this.logprobs = request.logprobs;
			this.reasoningFormat = request.reasoningFormat;
			this.returnRawTokens = request.returnRawTokens;
			this.suffix = request.suffix;
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
		 * Sets {@code grammar_root}.
		 * @param grammarRoot the grammar root used for structured output generation
		 * @return this builder
		 */
		public Builder grammarRoot(@Nullable String grammarRoot) {
			this.grammarRoot = grammarRoot;
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
		 * Sets {@code suffix} (an OpenAI feature the API does not support).
		 * @param suffix text after the completion
		 * @return this builder
		 */
		public Builder suffix(@Nullable String suffix) {
			this.suffix = suffix;
			return this;
		}

		/**
		 * Sets {@code user}.
		 * @param user an id of the end user, for abuse monitoring
		 * @return this builder
		 */
		public Builder user(@Nullable String user) {
			return endUser(user);
		}

		/**
		 * Builds the request.
		 * @return the validated request
		 * @throws IllegalArgumentException if a field is missing or out of its range
		 */
		public CompletionRequest build() {
			return new CompletionRequest(this);
		}

	}

}
