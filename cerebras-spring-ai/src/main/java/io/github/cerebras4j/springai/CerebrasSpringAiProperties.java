package io.github.cerebras4j.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.cerebras4j.client.chat.ReasoningEffort;
import io.github.cerebras4j.client.chat.ReasoningFormat;
import io.github.cerebras4j.client.chat.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code cerebras.spring-ai.*} properties: whether the Spring AI chat model is auto-configured, and its default
 * options, used when a prompt has none and as the base {@code ChatClient} merges a request's options into.
 */
@ConfigurationProperties("cerebras.spring-ai")
public class CerebrasSpringAiProperties {

	private final Chat chat = new Chat();

	/**
	 * Creates the properties, each with its default, for Spring Boot to bind {@code cerebras.spring-ai.*} to.
	 */
	public CerebrasSpringAiProperties() {
	}

	/**
	 * The chat model's settings.
	 * @return the chat settings
	 */
	public Chat getChat() {
		return this.chat;
	}

	/**
	 * The chat model's settings.
	 */
	public static class Chat {

		/**
		 * Whether to auto-configure the Spring AI chat model.
		 */
		private boolean enabled = true;

		private final Options options = new Options();

		/**
		 * Creates the chat model's settings with their defaults.
		 */
		public Chat() {
		}

		/**
		 * Whether to auto-configure the Spring AI chat model.
		 * @return the flag
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Sets whether to auto-configure the Spring AI chat model.
		 * @param enabled the flag
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * The default options.
		 * @return the options
		 */
		public Options getOptions() {
			return this.options;
		}

	}

	/**
	 * The chat model's default options; unset ones are not sent.
	 */
	public static class Options {

		/**
		 * Model used when a prompt's options name none, for example llama3.1-8b.
		 */
		private @Nullable String model;

		/**
		 * Sampling temperature.
		 */
		private @Nullable Double temperature;

		/**
		 * Nucleus sampling probability mass.
		 */
		private @Nullable Double topP;

		/**
		 * Most tokens to generate, reasoning included (sent as max_completion_tokens).
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Up to 4 sequences where the model stops.
		 */
		private List<String> stopSequences = new ArrayList<>();

		/**
		 * Frequency penalty, -2 to 2.
		 */
		private @Nullable Double frequencyPenalty;

		/**
		 * Presence penalty, -2 to 2.
		 */
		private @Nullable Double presencePenalty;

		/**
		 * Seed for best-effort deterministic sampling.
		 */
		private @Nullable Long seed;

		/**
		 * Reasoning effort of reasoning models.
		 */
		private @Nullable ReasoningEffort reasoningEffort;

		/**
		 * How reasoning models return their reasoning.
		 */
		private @Nullable ReasoningFormat reasoningFormat;

		/**
		 * Service tier.
		 */
		private @Nullable ServiceTier serviceTier;

		/**
		 * Whether the model may call several tools at once.
		 */
		private @Nullable Boolean parallelToolCalls;

		/**
		 * Other request fields, merged into the request body last.
		 */
		private Map<String, Object> extraBody = new LinkedHashMap<>();

		/**
		 * Creates default options, none of them set.
		 */
		public Options() {
		}

		/**
		 * Builds the chat options these properties describe.
		 * @return the options
		 */
		public CerebrasChatOptions toChatOptions() {
			return CerebrasChatOptions.builder()
				.model(this.model)
				.temperature(this.temperature)
				.topP(this.topP)
				.maxTokens(this.maxTokens)
				.stopSequences(this.stopSequences.isEmpty() ? null : this.stopSequences)
				.frequencyPenalty(this.frequencyPenalty)
				.presencePenalty(this.presencePenalty)
				.seed(this.seed)
				.reasoningEffort(this.reasoningEffort)
				.reasoningFormat(this.reasoningFormat)
				.serviceTier(this.serviceTier)
				.parallelToolCalls(this.parallelToolCalls)
				.extraBody(this.extraBody)
				.build();
		}

		/**
		 * Returns the model option.
		 * @return the value
		 */
		public @Nullable String getModel() {
			return this.model;
		}

		/**
		 * Sets the model option.
		 * @param model the value
		 */
		public void setModel(@Nullable String model) {
			this.model = model;
		}

		/**
		 * Returns the temperature option.
		 * @return the value
		 */
		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		/**
		 * Sets the temperature option.
		 * @param temperature the value
		 */
		public void setTemperature(@Nullable Double temperature) {
			this.temperature = temperature;
		}

		/**
		 * Returns the topP option.
		 * @return the value
		 */
		public @Nullable Double getTopP() {
			return this.topP;
		}

		/**
		 * Sets the topP option.
		 * @param topP the value
		 */
		public void setTopP(@Nullable Double topP) {
			this.topP = topP;
		}

		/**
		 * Returns the maxTokens option.
		 * @return the value
		 */
		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		/**
		 * Sets the maxTokens option.
		 * @param maxTokens the value
		 */
		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		/**
		 * Returns the stopSequences option.
		 * @return the value
		 */
		public List<String> getStopSequences() {
			return this.stopSequences;
		}

		/**
		 * Sets the stopSequences option.
		 * @param stopSequences the value
		 */
		public void setStopSequences(List<String> stopSequences) {
			this.stopSequences = stopSequences;
		}

		/**
		 * Returns the frequencyPenalty option.
		 * @return the value
		 */
		public @Nullable Double getFrequencyPenalty() {
			return this.frequencyPenalty;
		}

		/**
		 * Sets the frequencyPenalty option.
		 * @param frequencyPenalty the value
		 */
		public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
		}

		/**
		 * Returns the presencePenalty option.
		 * @return the value
		 */
		public @Nullable Double getPresencePenalty() {
			return this.presencePenalty;
		}

		/**
		 * Sets the presencePenalty option.
		 * @param presencePenalty the value
		 */
		public void setPresencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
		}

		/**
		 * Returns the seed option.
		 * @return the value
		 */
		public @Nullable Long getSeed() {
			return this.seed;
		}

		/**
		 * Sets the seed option.
		 * @param seed the value
		 */
		public void setSeed(@Nullable Long seed) {
			this.seed = seed;
		}

		/**
		 * Returns the reasoningEffort option.
		 * @return the value
		 */
		public @Nullable ReasoningEffort getReasoningEffort() {
			return this.reasoningEffort;
		}

		/**
		 * Sets the reasoningEffort option.
		 * @param reasoningEffort the value
		 */
		public void setReasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
		}

		/**
		 * Returns the reasoningFormat option.
		 * @return the value
		 */
		public @Nullable ReasoningFormat getReasoningFormat() {
			return this.reasoningFormat;
		}

		/**
		 * Sets the reasoningFormat option.
		 * @param reasoningFormat the value
		 */
		public void setReasoningFormat(@Nullable ReasoningFormat reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
		}

		/**
		 * Returns the serviceTier option.
		 * @return the value
		 */
		public @Nullable ServiceTier getServiceTier() {
			return this.serviceTier;
		}

		/**
		 * Sets the serviceTier option.
		 * @param serviceTier the value
		 */
		public void setServiceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
		}

		/**
		 * Returns the parallelToolCalls option.
		 * @return the value
		 */
		public @Nullable Boolean getParallelToolCalls() {
			return this.parallelToolCalls;
		}

		/**
		 * Sets the parallelToolCalls option.
		 * @param parallelToolCalls the value
		 */
		public void setParallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
		}

		/**
		 * Returns the extraBody option.
		 * @return the value
		 */
		public Map<String, Object> getExtraBody() {
			return this.extraBody;
		}

		/**
		 * Sets the extraBody option.
		 * @param extraBody the value
		 */
		public void setExtraBody(Map<String, Object> extraBody) {
			this.extraBody = extraBody;
		}
	}

}
