package io.github.cerebras4j.client.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.cerebras4j.client.core.AbstractGenerationRequest;
import io.github.cerebras4j.client.internal.RequestChecks;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

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
 * {@link Builder#build()} checks every documented range and throws {@link IllegalArgumentException} naming the JSON
 * field, so a bad request fails before it is sent.
 * A body can be read back from JSON (a mock server does): {@code stream} is skipped and unknown fields land in
 * {@link #extraBody()}.
 * <p>
 * The parameters shared with text completions ({@link #temperature()}, {@link #maxTokens()}, {@link #stop()},
 * {@link #user()}, ...) are described on {@link AbstractGenerationRequest}.
 */
@JsonPropertyOrder(value = { "model", "messages" }, alphabetic = true)
@JsonDeserialize(builder = ChatCompletionRequest.Builder.class)
public final class ChatCompletionRequest extends AbstractGenerationRequest {

	private final List<ChatMessage> messages;

	private final @Nullable Boolean clearThinking;

	private final @Nullable Boolean disableReasoning;

	private final @Nullable Boolean logprobs;

	private final @Nullable Integer maxCompletionTokens;

	private final @Nullable Integer minCompletionTokens;

	private final @Nullable Map<String, Object> modelParameters;

	private final @Nullable Boolean parallelToolCalls;

	private final @Nullable Prediction prediction;

	private final @Nullable ReasoningEffort reasoningEffort;

	private final @Nullable ReasoningFormat reasoningFormat;

	private final @Nullable ResponseFormat responseFormat;

	private final @Nullable ServiceTier serviceTier;

	private final @Nullable ToolChoice toolChoice;

	private final @Nullable List<Tool> tools;

	private final @Nullable Integer topLogprobs;

	private ChatCompletionRequest(Builder builder) {
		super(builder);
		// null when read from JSON holding "messages": null
		if (builder.messages == null || builder.messages.isEmpty()) {
			throw new IllegalArgumentException(
					"messages must not be empty: add at least one message, e.g. builder.user(\"...\")");
		}
		RequestChecks.between("top_logprobs", builder.topLogprobs, 0, 20);
		if (builder.topLogprobs != null && !Boolean.TRUE.equals(builder.logprobs)) {
			throw new IllegalArgumentException("top_logprobs requires logprobs to be true");
		}
		RequestChecks.atLeast("max_completion_tokens", builder.maxCompletionTokens, 1);
		RequestChecks.atLeast("min_completion_tokens", builder.minCompletionTokens, -1);
		this.messages = copyWithoutNulls(builder.messages, "messages");
		this.clearThinking = builder.clearThinking;
		this.disableReasoning = builder.disableReasoning;
		this.logprobs = builder.logprobs;
		this.maxCompletionTokens = builder.maxCompletionTokens;
		this.minCompletionTokens = builder.minCompletionTokens;
		this.modelParameters = (builder.modelParameters != null)
				? Collections.unmodifiableMap(new LinkedHashMap<>(builder.modelParameters)) : null;
		this.parallelToolCalls = builder.parallelToolCalls;
		this.prediction = builder.prediction;
		this.reasoningEffort = builder.reasoningEffort;
		this.reasoningFormat = builder.reasoningFormat;
		this.responseFormat = builder.responseFormat;
		this.serviceTier = builder.serviceTier;
		this.toolChoice = builder.toolChoice;
		this.tools = (builder.tools != null) ? copyWithoutNulls(builder.tools, "tools") : null;
		this.topLogprobs = builder.topLogprobs;
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
	 * Returns the conversation so far.
	 * @return at least one message, unmodifiable
	 */
	public List<ChatMessage> messages() {
		return this.messages;
	}

	/**
	 * Returns whether to remove reasoning from messages before the latest user message ({@code clear_thinking}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean clearThinking() {
		return this.clearThinking;
	}

	/**
	 * Returns whether a reasoning model skips reasoning ({@code disable_reasoning}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean disableReasoning() {
		return this.disableReasoning;
	}

	/**
	 * Returns whether to return the log probabilities of the output tokens ({@code logprobs}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean logprobs() {
		return this.logprobs;
	}

	/**
	 * Returns the most tokens to generate, reasoning included ({@code max_completion_tokens}).
	 * @return at least 1, or {@code null} when not set
	 */
	public @Nullable Integer maxCompletionTokens() {
		return this.maxCompletionTokens;
	}

	/**
	 * Returns {@code max_completion_tokens}, else {@code max_tokens}.
	 * @return the request's maximum, or {@code null} when it sets neither
	 */
	@Override
	public @Nullable Integer maxOutputTokens() {
		return (this.maxCompletionTokens != null) ? this.maxCompletionTokens : maxTokens();
	}

	/**
	 * Returns the fewest tokens to generate ({@code min_completion_tokens}).
	 * @return 0 when the model decides, -1 for the maximum sequence length, or {@code null} when not set
	 */
	public @Nullable Integer minCompletionTokens() {
		return this.minCompletionTokens;
	}

	/**
	 * Returns the model-specific parameters, as declared by the model's {@code model_parameters} schema
	 * ({@code model_parameters}).
	 * @return the parameters, unmodifiable, or {@code null} when not set
	 */
	public @Nullable Map<String, Object> modelParameters() {
		return this.modelParameters;
	}

	/**
	 * Returns whether the model may call several tools in one turn ({@code parallel_tool_calls}).
	 * @return the flag, or {@code null} when not set
	 */
	public @Nullable Boolean parallelToolCalls() {
		return this.parallelToolCalls;
	}

	/**
	 * Returns the expected output, to generate it faster ({@code prediction}).
	 * @return the prediction, or {@code null} when not set
	 */
	public @Nullable Prediction prediction() {
		return this.prediction;
	}

	/**
	 * Returns how much a reasoning model reasons ({@code reasoning_effort}).
	 * @return the effort, or {@code null} when not set
	 */
	public @Nullable ReasoningEffort reasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * Returns where the reasoning is returned ({@code reasoning_format}).
	 * @return the format, or {@code null} when not set
	 */
	public @Nullable ReasoningFormat reasoningFormat() {
		return this.reasoningFormat;
	}

	/**
	 * Returns the format the answer must follow ({@code response_format}).
	 * @return the format, or {@code null} when not set
	 */
	public @Nullable ResponseFormat responseFormat() {
		return this.responseFormat;
	}

	/**
	 * Returns the processing tier ({@code service_tier}).
	 * @return the tier, or {@code null} when not set
	 */
	public @Nullable ServiceTier serviceTier() {
		return this.serviceTier;
	}

	/**
	 * Returns which tool the model calls ({@code tool_choice}).
	 * @return the choice, or {@code null} when not set
	 */
	public @Nullable ToolChoice toolChoice() {
		return this.toolChoice;
	}

	/**
	 * Returns the tools the model may call ({@code tools}).
	 * @return the tools, unmodifiable, or {@code null} when not set
	 */
	public @Nullable List<Tool> tools() {
		return this.tools;
	}

	/**
	 * Returns how many most likely tokens to return per position ({@code top_logprobs}).
	 * @return 0 to 20, or {@code null} when not set
	 */
	public @Nullable Integer topLogprobs() {
		return this.topLogprobs;
	}

	@Override
	protected void putOwnFields(Map<String, @Nullable Object> fields) {
		fields.put("messages", this.messages);
		fields.put("clearThinking", this.clearThinking);
		fields.put("disableReasoning", this.disableReasoning);
		fields.put("logprobs", this.logprobs);
		fields.put("maxCompletionTokens", this.maxCompletionTokens);
		fields.put("minCompletionTokens", this.minCompletionTokens);
		fields.put("modelParameters", this.modelParameters);
		fields.put("parallelToolCalls", this.parallelToolCalls);
		fields.put("prediction", this.prediction);
		fields.put("reasoningEffort", this.reasoningEffort);
		fields.put("reasoningFormat", this.reasoningFormat);
		fields.put("responseFormat", this.responseFormat);
		fields.put("serviceTier", this.serviceTier);
		fields.put("toolChoice", this.toolChoice);
		fields.put("tools", this.tools);
		fields.put("topLogprobs", this.topLogprobs);
	}

	/**
	 * Builds a {@link ChatCompletionRequest}. The message methods ({@link #system(String)},
	 * {@link #user(String)}, ...) append to the conversation; other setters replace, and {@code null} unsets.
	 */
	public static final class Builder extends AbstractGenerationRequest.AbstractBuilder<Builder> {

		private List<ChatMessage> messages = new ArrayList<>();

		private @Nullable Boolean clearThinking;

		private @Nullable Boolean disableReasoning;

		private @Nullable Boolean logprobs;

		private @Nullable Integer maxCompletionTokens;

		private @Nullable Integer minCompletionTokens;

		private @Nullable Map<String, Object> modelParameters;

		private @Nullable Boolean parallelToolCalls;

		private @Nullable Prediction prediction;

		private @Nullable ReasoningEffort reasoningEffort;

		private @Nullable ReasoningFormat reasoningFormat;

		private @Nullable ResponseFormat responseFormat;

		private @Nullable ServiceTier serviceTier;

		private @Nullable ToolChoice toolChoice;

		private @Nullable List<Tool> tools;

		private @Nullable Integer topLogprobs;

		private Builder() {
		}

		private Builder(ChatCompletionRequest request) {
			super(request);
			this.messages = new ArrayList<>(request.messages);
			this.clearThinking = request.clearThinking;
			this.disableReasoning = request.disableReasoning;
			this.logprobs = request.logprobs;
			this.maxCompletionTokens = request.maxCompletionTokens;
			this.minCompletionTokens = request.minCompletionTokens;
			this.modelParameters = request.modelParameters;
			this.parallelToolCalls = request.parallelToolCalls;
			this.prediction = request.prediction;
			this.reasoningEffort = request.reasoningEffort;
			this.reasoningFormat = request.reasoningFormat;
			this.responseFormat = request.responseFormat;
			this.serviceTier = request.serviceTier;
			this.toolChoice = request.toolChoice;
			this.tools = (request.tools != null) ? new ArrayList<>(request.tools) : null;
			this.topLogprobs = request.topLogprobs;
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
		 * Sets the model-specific parameters.
		 * @param modelParameters {@code model_parameters}
		 * @return this builder
		 */
		public Builder modelParameters(@Nullable Map<String, Object> modelParameters) {
			this.modelParameters = modelParameters;
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
		 * Sets the processing tier.
		 * @param serviceTier {@code service_tier}
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			this.serviceTier = serviceTier;
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
		 * Sets the {@code user} field: an id of the end user, for abuse monitoring. (The method is not named
		 * {@code user} because {@link #user(String)} appends a user message.)
		 * @param user {@code user}
		 * @return this builder
		 */
		public Builder endUserId(@Nullable String user) {
			return endUser(user);
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if a field is missing or out of its range, naming the JSON field
		 */
		public ChatCompletionRequest build() {
			return new ChatCompletionRequest(this);
		}

	}

}
