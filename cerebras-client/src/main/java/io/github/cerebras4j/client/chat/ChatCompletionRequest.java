package io.github.cerebras4j.client.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * A request to {@code POST /v1/chat/completions}. Written as JSON it is exactly the request body, without
 * {@code stream} (the client adds it); fields left {@code null} are not sent. Build one with
 * {@link #builder()}:
 * <pre>{@code
 * ChatCompletionRequest request = ChatCompletionRequest.builder()
 *     .model("llama3.1-8b")
 *     .system("You are terse.")
 *     .user("Why is fast inference important?")
 *     .maxCompletionTokens(200)
 *     .build();
 * }</pre>
 * The constructor checks every documented range and throws {@link IllegalArgumentException} naming the JSON
 * field, so a bad request fails before it is sent.
 * A body can be read back from JSON (a mock server does): {@code stream} is skipped, unknown fields land in
 * {@code extraBody}, and the header parameters stay unset.
 *
 * @param model the model id ({@code model}), for example {@code llama3.1-8b}
 * @param messages the conversation so far, at least one message
 * @param clearThinking whether to remove reasoning from messages before the latest user message
 * ({@code clear_thinking})
 * @param disableReasoning whether a reasoning model skips reasoning ({@code disable_reasoning})
 * @param frequencyPenalty penalty for tokens by how often they already appeared, -2 to 2
 * ({@code frequency_penalty})
 * @param logitBias bias added to the listed token ids' logits, -100 to 100 each ({@code logit_bias})
 * @param logprobs whether to return the log probabilities of the output tokens
 * @param maxCompletionTokens the most tokens to generate, reasoning included, at least 1
 * ({@code max_completion_tokens})
 * @param maxTokens the deprecated predecessor of {@code max_completion_tokens}, at least 1 ({@code max_tokens})
 * @param minCompletionTokens the fewest tokens to generate; 0 lets the model decide, -1 means the maximum
 * sequence length ({@code min_completion_tokens})
 * @param minTokens the same as {@code min_completion_tokens}, at least -1 ({@code min_tokens})
 * @param modelParameters model-specific parameters, as declared by the model's {@code model_parameters}
 * schema ({@code model_parameters})
 * @param n how many choices to generate, at least 1
 * @param parallelToolCalls whether the model may call several tools in one turn ({@code parallel_tool_calls})
 * @param prediction the expected output, to generate it faster
 * @param presencePenalty penalty for tokens that already appeared, -2 to 2 ({@code presence_penalty})
 * @param promptCacheKey an opaque key; requests sharing it likely share a prompt prefix
 * ({@code prompt_cache_key})
 * @param reasoningEffort how much a reasoning model reasons ({@code reasoning_effort})
 * @param reasoningFormat where the reasoning is returned ({@code reasoning_format})
 * @param responseFormat the format the answer must follow ({@code response_format})
 * @param seed a seed for best-effort deterministic sampling
 * @param serviceTier the processing tier ({@code service_tier})
 * @param stop up to 4 sequences that end generation, not included in the output; one is written as a JSON
 * string, several as an array
 * @param streamOptions options of a streamed request ({@code stream_options})
 * @param temperature sampling temperature, 0 to 2
 * @param toolChoice which tool the model calls ({@code tool_choice})
 * @param tools the tools the model may call
 * @param topLogprobs how many most likely tokens to return per position, 0 to 20; needs {@code logprobs}
 * ({@code top_logprobs})
 * @param topP nucleus sampling probability mass, 0 to 1 ({@code top_p})
 * @param user an id of the end user, for abuse monitoring ({@code user})
 * @param extraBody fields merged into the body after the typed ones, not part of the typed JSON (read from
 * JSON, the body's unknown fields); never {@code null}
 * @param cfRay the {@code CF-RAY} request header, not part of the body
 * @param amzCfId the {@code X-Amz-Cf-Id} request header, not part of the body
 * @param delayTime the {@code X-delay-time} request header, not part of the body
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties("stream")
public record ChatCompletionRequest(String model, List<ChatMessage> messages, @Nullable Boolean clearThinking,
		@Nullable Boolean disableReasoning, @Nullable Double frequencyPenalty,
		@Nullable Map<String, Integer> logitBias, @Nullable Boolean logprobs, @Nullable Integer maxCompletionTokens,
		@Nullable Integer maxTokens, @Nullable Integer minCompletionTokens, @Nullable Integer minTokens,
		@Nullable Map<String, Object> modelParameters, @Nullable Integer n, @Nullable Boolean parallelToolCalls,
		@Nullable Prediction prediction, @Nullable Double presencePenalty, @Nullable String promptCacheKey,
		@Nullable ReasoningEffort reasoningEffort, @Nullable ReasoningFormat reasoningFormat,
		@Nullable ResponseFormat responseFormat, @Nullable Long seed, @Nullable ServiceTier serviceTier,
		@JsonFormat(with = { JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED,
				JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY }) @Nullable List<String> stop,
		@Nullable StreamOptions streamOptions, @Nullable Double temperature, @Nullable ToolChoice toolChoice,
		@Nullable List<Tool> tools, @Nullable Integer topLogprobs, @Nullable Double topP, @Nullable String user,
		@JsonAnySetter @JsonIgnore Map<String, @Nullable Object> extraBody, @JsonIgnore @Nullable String cfRay,
		@JsonIgnore @Nullable String amzCfId, @JsonIgnore @Nullable Double delayTime) implements CerebrasRequest {

	public ChatCompletionRequest {
		RequestChecks.model(model);
		if (messages == null || messages.isEmpty()) {
			throw new IllegalArgumentException(
					"messages must not be empty: add at least one message, e.g. builder.user(\"...\")");
		}
		messages = copyWithoutNulls(messages, "messages");
		RequestChecks.between("frequency_penalty", frequencyPenalty, -2, 2);
		RequestChecks.between("presence_penalty", presencePenalty, -2, 2);
		RequestChecks.between("temperature", temperature, 0, 2);
		RequestChecks.between("top_p", topP, 0, 1);
		logitBias = RequestChecks.logitBias(logitBias);
		RequestChecks.between("top_logprobs", topLogprobs, 0, 20);
		if (topLogprobs != null && !Boolean.TRUE.equals(logprobs)) {
			throw new IllegalArgumentException("top_logprobs requires logprobs to be true");
		}
		RequestChecks.atLeast("max_completion_tokens", maxCompletionTokens, 1);
		RequestChecks.atLeast("max_tokens", maxTokens, 1);
		RequestChecks.atLeast("min_completion_tokens", minCompletionTokens, -1);
		RequestChecks.atLeast("min_tokens", minTokens, -1);
		RequestChecks.atLeast("n", n, 1);
		stop = RequestChecks.stop(stop);
		if (tools != null) {
			tools = copyWithoutNulls(tools, "tools");
		}
		if (modelParameters != null) {
			modelParameters = Collections.unmodifiableMap(new LinkedHashMap<>(modelParameters));
		}
		extraBody = RequestChecks.extraBody(extraBody);
		HeaderChecks.optionalValue("CF-RAY", cfRay);
		HeaderChecks.optionalValue("X-Amz-Cf-Id", amzCfId);
	}

	private static <T> List<T> copyWithoutNulls(List<T> list, String field) {
		if (list.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException(field + " must not contain null elements");
		}
		return List.copyOf(list);
	}

	/**
	 * Starts a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts a request with every field of this one, for example to continue the conversation.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * Builds a {@link ChatCompletionRequest}. The message methods ({@link #system(String)},
	 * {@link #user(String)}, ...) append to the conversation; other setters replace, and {@code null} unsets.
	 */
	public static final class Builder {

		private @Nullable String model;

		private List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Boolean clearThinking;

		private @Nullable Boolean disableReasoning;

		private @Nullable Double frequencyPenalty;

		private @Nullable Map<String, Integer> logitBias;

		private @Nullable Boolean logprobs;

		private @Nullable Integer maxCompletionTokens;

		private @Nullable Integer maxTokens;

		private @Nullable Integer minCompletionTokens;

		private @Nullable Integer minTokens;

		private @Nullable Map<String, Object> modelParameters;

		private @Nullable Integer n;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable Prediction prediction;

		private @Nullable Double presencePenalty;

		private @Nullable String promptCacheKey;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ReasoningFormat reasoningFormat;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable Long seed;

		private @Nullable ServiceTier serviceTier;

		private @Nullable List<String> stop;

		private @Nullable StreamOptions streamOptions;

		private @Nullable Double temperature;

		private @Nullable ToolChoice toolChoice;

		private @Nullable List<Tool> tools;

		private @Nullable Integer topLogprobs;

		private @Nullable Double topP;

		private @Nullable String user;

		private Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		private @Nullable String cfRay;

		private @Nullable String amzCfId;

		private @Nullable Double delayTime;

		private Builder() {
		}

		private Builder(ChatCompletionRequest request) {
			this.model = request.model;
			this.messages = new ArrayList<>(request.messages);
			this.clearThinking = request.clearThinking;
			this.disableReasoning = request.disableReasoning;
			this.frequencyPenalty = request.frequencyPenalty;
			this.logitBias = (request.logitBias != null) ? new LinkedHashMap<>(request.logitBias) : null;
			this.logprobs = request.logprobs;
			this.maxCompletionTokens = request.maxCompletionTokens;
			this.maxTokens = request.maxTokens;
			this.minCompletionTokens = request.minCompletionTokens;
			this.minTokens = request.minTokens;
			this.modelParameters = request.modelParameters;
			this.n = request.n;
			this.parallelToolCalls = request.parallelToolCalls;
			this.prediction = request.prediction;
			this.presencePenalty = request.presencePenalty;
			this.promptCacheKey = request.promptCacheKey;
			this.reasoningEffort = request.reasoningEffort;
			this.reasoningFormat = request.reasoningFormat;
			this.responseFormat = request.responseFormat;
			this.seed = request.seed;
			this.serviceTier = request.serviceTier;
			this.stop = request.stop;
			this.streamOptions = request.streamOptions;
			this.temperature = request.temperature;
			this.toolChoice = request.toolChoice;
			this.tools = (request.tools != null) ? new ArrayList<>(request.tools) : null;
			this.topLogprobs = request.topLogprobs;
			this.topP = request.topP;
			this.user = request.user;
			this.extraBody = new LinkedHashMap<>(request.extraBody);
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
		 * Replaces the conversation.
		 * @param messages the messages, in order
		 * @return this builder
		 */
		public Builder messages(List<? extends ChatMessage> messages) {
			this.messages = new ArrayList<>(messages);
			return this;
		}

		/**
		 * Appends a message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Appends a system message.
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder system(String content) {
			return message(ChatMessage.system(content));
		}

		/**
		 * Appends a developer message.
		 * @param content the instructions
		 * @return this builder
		 */
		public Builder developer(String content) {
			return message(ChatMessage.developer(content));
		}

		/**
		 * Appends a user message. To set the {@code user} field (the end user's id), use
		 * {@link #endUserId(String)}.
		 * @param content the text
		 * @return this builder
		 */
		public Builder user(String content) {
			return message(ChatMessage.user(content));
		}

		/**
		 * Appends a user message made of parts, for example text and images.
		 * @param parts the parts, at least one
		 * @return this builder
		 */
		public Builder user(ContentPart... parts) {
			return message(ChatMessage.user(parts));
		}

		/**
		 * Appends an assistant message, for example an earlier answer of the model.
		 * @param content the text
		 * @return this builder
		 */
		public Builder assistant(String content) {
			return message(ChatMessage.assistant(content));
		}

		/**
		 * Appends a tool message that answers a tool call. To offer a tool to the model, use
		 * {@link #addTool(Tool)}.
		 * @param toolCallId the id of the tool call this answers
		 * @param content the tool's result
		 * @return this builder
		 */
		public Builder tool(String toolCallId, String content) {
			return message(ChatMessage.tool(toolCallId, content));
		}

		/**
		 * Sets whether to remove reasoning from messages before the latest user message.
		 * @param clearThinking {@code clear_thinking}
		 * @return this builder
		 */
		public Builder clearThinking(@Nullable Boolean clearThinking) {
			this.clearThinking = clearThinking;
			return this;
		}

		/**
		 * Sets whether a reasoning model skips reasoning.
		 * @param disableReasoning {@code disable_reasoning}
		 * @return this builder
		 */
		public Builder disableReasoning(@Nullable Boolean disableReasoning) {
			this.disableReasoning = disableReasoning;
			return this;
		}

		/**
		 * Sets the frequency penalty.
		 * @param frequencyPenalty {@code frequency_penalty}, -2 to 2
		 * @return this builder
		 */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			this.frequencyPenalty = frequencyPenalty;
			return this;
		}

		/**
		 * Replaces the logit biases.
		 * @param logitBias {@code logit_bias}: token id to bias, -100 to 100
		 * @return this builder
		 */
		public Builder logitBias(@Nullable Map<String, Integer> logitBias) {
			this.logitBias = (logitBias != null) ? new LinkedHashMap<>(logitBias) : null;
			return this;
		}

		/**
		 * Adds or replaces the bias of one token.
		 * @param tokenId the token id
		 * @param bias the bias, -100 to 100
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
		 * Sets whether to return the log probabilities of the output tokens.
		 * @param logprobs {@code logprobs}
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Boolean logprobs) {
			this.logprobs = logprobs;
			return this;
		}

		/**
		 * Sets the most tokens to generate, reasoning included.
		 * @param maxCompletionTokens {@code max_completion_tokens}, at least 1
		 * @return this builder
		 */
		public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			this.maxCompletionTokens = maxCompletionTokens;
			return this;
		}

		/**
		 * Sets the deprecated maximum number of tokens; prefer {@link #maxCompletionTokens(Integer)}.
		 * @param maxTokens {@code max_tokens}, at least 1
		 * @return this builder
		 */
		public Builder maxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * Sets the fewest tokens to generate.
		 * @param minCompletionTokens {@code min_completion_tokens}; 0 lets the model decide, -1 means the
		 * maximum sequence length
		 * @return this builder
		 */
		public Builder minCompletionTokens(@Nullable Integer minCompletionTokens) {
			this.minCompletionTokens = minCompletionTokens;
			return this;
		}

		/**
		 * Sets the fewest tokens to generate, like {@link #minCompletionTokens(Integer)}.
		 * @param minTokens {@code min_tokens}, at least -1
		 * @return this builder
		 */
		public Builder minTokens(@Nullable Integer minTokens) {
			this.minTokens = minTokens;
			return this;
		}

		/**
		 * Sets the model-specific parameters.
		 * @param modelParameters {@code model_parameters}
		 * @return this builder
		 */
		public Builder modelParameters(@Nullable Map<String, Object> modelParameters) {
			this.modelParameters = modelParameters;
			return this;
		}

		/**
		 * Sets how many choices to generate.
		 * @param n {@code n}, at least 1
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			this.n = n;
			return this;
		}

		/**
		 * Sets whether the model may call several tools in one turn.
		 * @param parallelToolCalls {@code parallel_tool_calls}
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			this.parallelToolCalls = parallelToolCalls;
			return this;
		}

		/**
		 * Sets the predicted output.
		 * @param prediction {@code prediction}
		 * @return this builder
		 */
		public Builder prediction(@Nullable Prediction prediction) {
			this.prediction = prediction;
			return this;
		}

		/**
		 * Sets the presence penalty.
		 * @param presencePenalty {@code presence_penalty}, -2 to 2
		 * @return this builder
		 */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			this.presencePenalty = presencePenalty;
			return this;
		}

		/**
		 * Sets the prompt cache key.
		 * @param promptCacheKey {@code prompt_cache_key}
		 * @return this builder
		 */
		public Builder promptCacheKey(@Nullable String promptCacheKey) {
			this.promptCacheKey = promptCacheKey;
			return this;
		}

		/**
		 * Sets how much a reasoning model reasons.
		 * @param reasoningEffort {@code reasoning_effort}
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return this;
		}

		/**
		 * Sets where the reasoning is returned.
		 * @param reasoningFormat {@code reasoning_format}
		 * @return this builder
		 */
		public Builder reasoningFormat(@Nullable ReasoningFormat reasoningFormat) {
			this.reasoningFormat = reasoningFormat;
			return this;
		}

		/**
		 * Sets the format the answer must follow.
		 * @param responseFormat {@code response_format}
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			this.responseFormat = responseFormat;
			return this;
		}

		/**
		 * Sets the sampling seed.
		 * @param seed {@code seed}
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			this.seed = seed;
			return this;
		}

		/**
		 * Sets the processing tier.
		 * @param serviceTier {@code service_tier}
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
			return this;
		}

		/**
		 * Sets the stop sequences.
		 * @param stop up to 4 non-empty sequences
		 * @return this builder
		 */
		public Builder stop(String... stop) {
			return stop(Arrays.asList(stop));
		}

		/**
		 * Sets the stop sequences.
		 * @param stop up to 4 non-empty sequences, or {@code null} to unset
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			this.stop = (stop != null) ? new ArrayList<>(stop) : null;
			return this;
		}

		/**
		 * Sets the stream options, consulted when the request is streamed.
		 * @param streamOptions {@code stream_options}, for example {@link StreamOptions#withUsage()}
		 * @return this builder
		 */
		public Builder streamOptions(@Nullable StreamOptions streamOptions) {
			this.streamOptions = streamOptions;
			return this;
		}

		/**
		 * Sets the sampling temperature.
		 * @param temperature {@code temperature}, 0 to 2
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * Sets which tool the model calls.
		 * @param toolChoice {@code tool_choice}, for example {@link ToolChoice#AUTO}
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			this.toolChoice = toolChoice;
			return this;
		}

		/**
		 * Replaces the tools the model may call.
		 * @param tools {@code tools}, or {@code null} to unset
		 * @return this builder
		 */
		public Builder tools(@Nullable List<Tool> tools) {
			this.tools = (tools != null) ? new ArrayList<>(tools) : null;
			return this;
		}

		/**
		 * Adds a tool the model may call. To append a tool's result to the conversation, use
		 * {@link #tool(String, String)}.
		 * @param tool the tool
		 * @return this builder
		 */
		public Builder addTool(Tool tool) {
			if (this.tools == null) {
				this.tools = new ArrayList<>();
			}
			this.tools.add(tool);
			return this;
		}

		/**
		 * Sets how many most likely tokens to return per position; needs {@link #logprobs(Boolean)}.
		 * @param topLogprobs {@code top_logprobs}, 0 to 20
		 * @return this builder
		 */
		public Builder topLogprobs(@Nullable Integer topLogprobs) {
			this.topLogprobs = topLogprobs;
			return this;
		}

		/**
		 * Sets the nucleus sampling probability mass.
		 * @param topP {@code top_p}, 0 to 1
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			this.topP = topP;
			return this;
		}

		/**
		 * Sets the {@code user} field: an id of the end user, for abuse monitoring. (The method is not named
		 * {@code user} because {@link #user(String)} appends a user message.)
		 * @param user {@code user}
		 * @return this builder
		 */
		public Builder endUserId(@Nullable String user) {
			this.user = user;
			return this;
		}

		/**
		 * Adds or replaces a field merged into the body after the typed ones; it wins on a name clash.
		 * @param key the JSON field name
		 * @param value the value, or {@code null} to send JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(String key, @Nullable Object value) {
			this.extraBody.put(key, value);
			return this;
		}

		/**
		 * Replaces the fields merged into the body after the typed ones.
		 * @param extraBody the fields; {@code null} values are sent as JSON {@code null}
		 * @return this builder
		 */
		public Builder extraBody(Map<String, @Nullable Object> extraBody) {
			this.extraBody = new LinkedHashMap<>(extraBody);
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
		 * @return the request
		 * @throws IllegalArgumentException if a field is missing or out of its range, naming the JSON field
		 */
		public ChatCompletionRequest build() {
			return new ChatCompletionRequest(this.model, this.messages, this.clearThinking, this.disableReasoning,
					this.frequencyPenalty, this.logitBias, this.logprobs, this.maxCompletionTokens, this.maxTokens,
					this.minCompletionTokens, this.minTokens, this.modelParameters, this.n, this.parallelToolCalls,
					this.prediction, this.presencePenalty, this.promptCacheKey, this.reasoningEffort,
					this.reasoningFormat, this.responseFormat, this.seed, this.serviceTier, this.stop,
					this.streamOptions, this.temperature, this.toolChoice, this.tools, this.topLogprobs, this.topP,
					this.user, this.extraBody, this.cfRay, this.amzCfId, this.delayTime);
		}

	}

}
