package io.github.cerebras4j.springai;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.cerebras4j.client.chat.ReasoningEffort;
import io.github.cerebras4j.client.chat.ReasoningFormat;
import io.github.cerebras4j.client.chat.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * The options of a {@link CerebrasChatModel} call: Spring AI's portable {@link ChatOptions}, the tools of
 * {@link ToolCallingChatOptions}, the native structured output of {@link StructuredOutputChatOptions} (sent as a
 * strict {@code json_schema} response format), and Cerebras' own request fields. Immutable: change a copy with
 * {@link #mutate()}. Unset fields are {@code null} and are not sent.
 * <p>
 * {@code topK} is not a Cerebras request field: it is accepted (Spring AI's builders carry it) and ignored. Any request
 * field this type does not name goes into {@link #getExtraBody()}, which is merged into the request body last.
 */
public final class CerebrasChatOptions implements ToolCallingChatOptions, StructuredOutputChatOptions {

	private final @Nullable String model;

	private final @Nullable Double frequencyPenalty;

	private final @Nullable Integer maxTokens;

	private final @Nullable Double presencePenalty;

	private final @Nullable List<String> stopSequences;

	private final @Nullable Double temperature;

	private final @Nullable Integer topK;

	private final @Nullable Double topP;

	private final @Nullable Long seed;

	private final List<ToolCallback> toolCallbacks;

	private final Map<String, Object> toolContext;

	private final @Nullable String outputSchema;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final @Nullable ReasoningFormat reasoningFormat;

	private final @Nullable ServiceTier serviceTier;

	private final @Nullable Boolean parallelToolCalls;

	private final Map<String, @Nullable Object> extraBody;

	private CerebrasChatOptions(Builder builder, Portable portable) {
		this.model = portable.model();
		this.frequencyPenalty = portable.frequencyPenalty();
		this.maxTokens = portable.maxTokens();
		this.presencePenalty = portable.presencePenalty();
		this.stopSequences = (portable.stopSequences() != null) ? List.copyOf(portable.stopSequences()) : null;
		this.temperature = portable.temperature();
		this.topK = portable.topK();
		this.topP = portable.topP();
		this.seed = builder.seed;
		this.toolCallbacks = (portable.toolCallbacks() != null) ? List.copyOf(portable.toolCallbacks()) : List.of();
		ToolCallingChatOptions.validateToolCallbacks(this.toolCallbacks);
		this.toolContext = (portable.toolContext() != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(portable.toolContext())) : Map.of();
		this.outputSchema = builder.outputSchema;
		this.reasoningEffort = builder.reasoningEffort;
		this.reasoningFormat = builder.reasoningFormat;
		this.serviceTier = builder.serviceTier;
		this.parallelToolCalls = builder.parallelToolCalls;
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
	}

	/**
	 * Starts empty options.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Copies any Spring AI options into Cerebras options: the portable fields, the tools of
	 * {@link ToolCallingChatOptions} and the schema of {@link StructuredOutputChatOptions}.
	 * @param options the options, Cerebras' own returned as they are
	 * @return Cerebras options
	 */
	public static CerebrasChatOptions from(ChatOptions options) {
		if (options instanceof CerebrasChatOptions cerebras) {
			return cerebras;
		}
		Builder builder = builder().model(options.getModel())
			.frequencyPenalty(options.getFrequencyPenalty())
			.maxTokens(options.getMaxTokens())
			.presencePenalty(options.getPresencePenalty())
			.stopSequences(options.getStopSequences())
			.temperature(options.getTemperature())
			.topK(options.getTopK())
			.topP(options.getTopP());
		if (options instanceof ToolCallingChatOptions tools) {
			builder.toolCallbacks(tools.getToolCallbacks()).toolContext(tools.getToolContext());
		}
		if (options instanceof StructuredOutputChatOptions structured) {
			builder.outputSchema(structured.getOutputSchema());
		}
		return builder.build();
	}

	@Override
	public @Nullable String getModel() {
		return this.model;
	}

	@Override
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	/**
	 * The most tokens to generate, reasoning included; sent as {@code max_completion_tokens}.
	 * @return the limit, or {@code null} for the server's default
	 */
	@Override
	public @Nullable Integer getMaxTokens() {
		return this.maxTokens;
	}

	@Override
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	@Override
	public @Nullable List<String> getStopSequences() {
		return this.stopSequences;
	}

	@Override
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	/**
	 * Not a Cerebras request field: kept for Spring AI's builders, never sent.
	 * @return the value set, or {@code null}
	 */
	@Override
	public @Nullable Integer getTopK() {
		return this.topK;
	}

	@Override
	public @Nullable Double getTopP() {
		return this.topP;
	}

	/**
	 * The seed for best-effort deterministic sampling ({@code seed}); Spring AI's portable options have none.
	 * @return the seed, or {@code null}
	 */
	public @Nullable Long getSeed() {
		return this.seed;
	}

	@Override
	public List<ToolCallback> getToolCallbacks() {
		return this.toolCallbacks;
	}

	@Override
	public Map<String, Object> getToolContext() {
		return this.toolContext;
	}

	/**
	 * The JSON schema the answer must follow, sent as a strict {@code json_schema} response format.
	 * @return the schema as JSON, or {@code null} for free text
	 */
	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/**
	 * How hard a reasoning model thinks ({@code reasoning_effort}).
	 * @return the effort, or {@code null} for the model's default
	 */
	public @Nullable ReasoningEffort getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * How a reasoning model returns its reasoning ({@code reasoning_format}).
	 * @return the format, or {@code null} for the model's default
	 */
	public @Nullable ReasoningFormat getReasoningFormat() {
		return this.reasoningFormat;
	}

	/**
	 * The service tier ({@code service_tier}).
	 * @return the tier, or {@code null}
	 */
	public @Nullable ServiceTier getServiceTier() {
		return this.serviceTier;
	}

	/**
	 * Whether the model may call several tools at once ({@code parallel_tool_calls}).
	 * @return the flag, or {@code null} for the server's default
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	/**
	 * Other request fields, merged into the request body last (they win on a clash).
	 * @return the fields by their JSON name, never {@code null}
	 */
	public Map<String, @Nullable Object> getExtraBody() {
		return this.extraBody;
	}

	@Override
	public Builder mutate() {
		Builder builder = builder().model(this.model)
			.frequencyPenalty(this.frequencyPenalty)
			.maxTokens(this.maxTokens)
			.presencePenalty(this.presencePenalty)
			.stopSequences(this.stopSequences)
			.temperature(this.temperature)
			.topK(this.topK)
			.topP(this.topP)
			.seed(this.seed)
			.toolCallbacks(this.toolCallbacks)
			.toolContext(this.toolContext)
			.outputSchema(this.outputSchema)
			.reasoningEffort(this.reasoningEffort)
			.reasoningFormat(this.reasoningFormat)
			.serviceTier(this.serviceTier)
			.parallelToolCalls(this.parallelToolCalls);
		builder.extraBody.putAll(this.extraBody);
		return builder;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof CerebrasChatOptions that)) {
			return false;
		}
		return Objects.equals(this.model, that.model) && Objects.equals(this.frequencyPenalty, that.frequencyPenalty)
				&& Objects.equals(this.maxTokens, that.maxTokens)
				&& Objects.equals(this.presencePenalty, that.presencePenalty)
				&& Objects.equals(this.stopSequences, that.stopSequences)
				&& Objects.equals(this.temperature, that.temperature) && Objects.equals(this.topK, that.topK)
				&& Objects.equals(this.topP, that.topP) && Objects.equals(this.seed, that.seed)
				&& this.toolCallbacks.equals(that.toolCallbacks)
				&& this.toolContext.equals(that.toolContext) && Objects.equals(this.outputSchema, that.outputSchema)
				&& this.reasoningEffort == that.reasoningEffort && this.reasoningFormat == that.reasoningFormat
				&& this.serviceTier == that.serviceTier
				&& Objects.equals(this.parallelToolCalls, that.parallelToolCalls)
				&& this.extraBody.equals(that.extraBody);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.model, this.frequencyPenalty, this.maxTokens, this.presencePenalty,
				this.stopSequences, this.temperature, this.topK, this.topP, this.seed, this.toolCallbacks,
this.toolContext, this.outputSchema, this.reasoningEffort, this.reasoningFormat,
				this.serviceTier, this.parallelToolCalls, this.extraBody);
	}

	@Override
	public String toString() {
		return "CerebrasChatOptions[model=" + this.model + ", temperature=" + this.temperature + ", topP=" + this.topP
				+ ", maxTokens=" + this.maxTokens + ", stopSequences=" + this.stopSequences + ", frequencyPenalty="
				+ this.frequencyPenalty + ", presencePenalty=" + this.presencePenalty + ", seed=" + this.seed
				+ ", tools=" + this.toolCallbacks.size() + " tool callbacks, outputSchema="
				+ ((this.outputSchema != null) ? "set" : "none") + ", reasoningEffort=" + this.reasoningEffort
				+ ", reasoningFormat=" + this.reasoningFormat + ", serviceTier=" + this.serviceTier
				+ ", parallelToolCalls=" + this.parallelToolCalls + ", extraBody=" + this.extraBody.keySet() + "]";
	}

	/**
	 * Builds {@link CerebrasChatOptions}. It is Spring AI's tool-calling builder (so {@code ChatClient} can
	 * {@link #combineWith combine} options of any kind into it) with Cerebras' own fields.
	 */
	public static final class Builder extends DefaultToolCallingChatOptions.Builder<Builder>
			implements StructuredOutputChatOptions.Builder<Builder> {

		private @Nullable Long seed;

		private @Nullable String outputSchema;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ReasoningFormat reasoningFormat;

		private @Nullable ServiceTier serviceTier;

		private @Nullable Boolean parallelToolCalls;

		private Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		Builder() {
		}

		/**
		 * Sets the seed ({@code seed}).
		 * @param seed the seed, {@code null} to unset
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		@Override
		public Builder outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
			return this;
		}

		/**
		 * Sets the reasoning effort ({@code reasoning_effort}).
		 * @param reasoningEffort the effort, {@code null} to unset
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets the reasoning format ({@code reasoning_format}).
		 * @param reasoningFormat the format, {@code null} to unset
		 * @return this builder
		 */
		public Builder reasoningFormat(@Nullable ReasoningFormat reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
			return this;
		}

		/**
		 * Sets the service tier ({@code service_tier}).
		 * @param serviceTier the tier, {@code null} to unset
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * Sets whether the model may call several tools at once ({@code parallel_tool_calls}).
		 * @param parallelToolCalls the flag, {@code null} to unset
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Sets another request field, merged into the body last.
		 * @param name the JSON name
		 * @param value the value; {@code null} sends an explicit JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Sets other request fields, merged into the body last, replacing those set before.
		 * @param extraBody the fields by JSON name
		 * @return this builder
		 */
		public Builder extraBody(Map<String, ? extends @Nullable Object> extraBody) {
			this.extraBody.clear();
			this.extraBody.putAll(extraBody);
			return this;
		}

		/**
		 * Sets the options of {@code other} that are set there: the portable and tool-calling ones (by Spring AI's
		 * rules), and, when {@code other} is a Cerebras builder, its own fields too.
		 * @param other the builder whose set values win
		 * @return this builder
		 */
		@Override
		public Builder combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder that) {
				if (that.seed != null) {
					this.seed = that.seed;
				}
				if (that.outputSchema != null) {
					this.outputSchema = that.outputSchema;
				}
				if (that.reasoningEffort != null) {
					this.reasoningEffort = that.reasoningEffort;
				}
				if (that.reasoningFormat != null) {
					this.reasoningFormat = that.reasoningFormat;
				}
				if (that.serviceTier != null) {
					this.serviceTier = that.serviceTier;
				}
				if (that.parallelToolCalls != null) {
					this.parallelToolCalls = that.parallelToolCalls;
				}
				this.extraBody.putAll(that.extraBody);
			}
			return this;
		}

		@Override
		public Builder clone() {
			Builder copy = super.clone();
			copy.toolCallbacks = (this.toolCallbacks != null) ? new ArrayList<>(this.toolCallbacks) : null;
			copy.toolContext = (this.toolContext != null) ? new LinkedHashMap<>(this.toolContext) : null;
			copy.extraBody = new LinkedHashMap<>(this.extraBody);
			return copy;
		}

		@Override
		public CerebrasChatOptions build() {
			return new CerebrasChatOptions(this, new Portable(this.model, this.frequencyPenalty, this.maxTokens,
					this.presencePenalty, this.stopSequences, this.temperature, this.topK, this.topP,
					this.toolCallbacks, this.toolContext));
		}

	}

	private record Portable(@Nullable String model, @Nullable Double frequencyPenalty, @Nullable Integer maxTokens,
			@Nullable Double presencePenalty, @Nullable List<String> stopSequences, @Nullable Double temperature,
			@Nullable Integer topK, @Nullable Double topP, @Nullable List<ToolCallback> toolCallbacks,
			@Nullable Map<String, Object> toolContext) {
	}

}
