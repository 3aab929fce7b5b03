package io.github.cerebras4j.springai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cerebras4j.client.CerebrasTemplate;
import io.github.cerebras4j.client.ReactiveCerebrasTemplate;
import io.github.cerebras4j.client.chat.ChatChoice;
import io.github.cerebras4j.client.chat.ChatChunkChoice;
import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionMessage;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.ChatDelta;
import io.github.cerebras4j.client.chat.ChatMessage;
import io.github.cerebras4j.client.chat.ContentPart;
import io.github.cerebras4j.client.chat.MessageContent;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.Tool;
import io.github.cerebras4j.client.chat.ToolCall;
import io.github.cerebras4j.client.chat.ToolCallAccumulator;
import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RateLimits;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.core.TimeInfo;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.StringUtils;

/**
 * A Spring AI {@link ChatModel} (and so {@link org.springframework.ai.chat.model.StreamingChatModel}) backed by the
 * Cerebras client: {@link #call(Prompt)} goes through {@link CerebrasTemplate}, {@link #stream(Prompt)} through
 * {@link ReactiveCerebrasTemplate}, delivering tokens as they arrive.
 * <p>
 * As Spring AI 2.0's own models, it uses the prompt's options as they are (options of another kind are copied with
 * {@link CerebrasChatOptions#from}), or its {@link #getOptions() default options} when the prompt has none: merging
 * the two is {@code ChatClient}'s job. Tools are not executed here: their definitions are resolved by the
 * {@link ToolCallingManager} and sent as {@code tools}, and the tool calls the model makes are returned in the
 * {@link AssistantMessage}, for {@code ChatClient}'s tool-calling advisor to run. Each call and each stream is one
 * Spring AI {@code gen_ai.client.operation} observation.
 */
public final class CerebrasChatModel implements ChatModel {

	/** The provider name of the observation ({@code gen_ai.system}). */
	public static final String PROVIDER = "cerebras";

	/** The key of the reasoning in the assistant message's metadata, as Spring AI's OpenAI model names it. */
	public static final String REASONING_CONTENT = "reasoningContent";

	/** The key of the server's {@code time_info} ({@link TimeInfo}) in the response metadata. */
	public static final String TIME_INFO = "timeInfo";

	private static final ChatModelObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultChatModelObservationConvention();

	private final CerebrasTemplate cerebras;

	private final ReactiveCerebrasTemplate reactive;

	private final CerebrasChatOptions defaultOptions;

	private final ToolCallingManager toolCallingManager;

	private final ObservationRegistry observationRegistry;

	private final @Nullable ChatModelObservationConvention observationConvention;

	private CerebrasChatModel(Builder builder) {
		this.cerebras = Objects.requireNonNull(builder.cerebras, "cerebrasTemplate must be set");
		this.reactive = this.cerebras.reactive();
		this.defaultOptions = builder.defaultOptions;
		this.toolCallingManager = (builder.toolCallingManager != null) ? builder.toolCallingManager
				: ToolCallingManager.builder().build();
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Starts a model.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The options used when a prompt has none, and the base {@code ChatClient} merges a request's options into.
	 * @return the default options
	 */
	@Override
	public CerebrasChatOptions getOptions() {
		return this.defaultOptions;
	}

	/**
	 * The same as {@link #getOptions()}.
	 * @return the default options
	 * @deprecated as in {@link ChatModel}: use {@link #getOptions()}
	 */
	@Override
	@Deprecated(forRemoval = true)
	@SuppressWarnings("removal")
	public ChatOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		Prompt requestPrompt = requestPrompt(prompt);
		ChatCompletionRequest request = createRequest(requestPrompt);
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(requestPrompt)
			.provider(PROVIDER)
			.build();
		ChatResponse response = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> context,
					this.observationRegistry)
			.observe(() -> {
				RawResponse<ChatCompletion> raw = this.cerebras.chat().completions().withRawResponse().create(request);
				ChatResponse chatResponse = toChatResponse(Objects.requireNonNull(raw.getBody()), raw.rateLimits());
				context.setResponse(chatResponse);
				return chatResponse;
			});
		return Objects.requireNonNull(response);
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		Prompt requestPrompt = requestPrompt(prompt);
		return Flux.deferContextual((contextView) -> {
			ChatCompletionRequest request = createRequest(requestPrompt);
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(requestPrompt)
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(
					this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> context,
					this.observationRegistry);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent);
			try (Observation.Scope ignored = (parent != null) ? parent.openScope() : Observation.Scope.NOOP) {
				observation.start();
			}
			StreamState state = new StreamState();
			Flux<ChatResponse> mapped = this.reactive.chat()
				.completions()
				.withRawResponse()
				.stream(request)
				.flatMapMany((StreamResponse<ChatCompletionChunk> stream) -> {
					RateLimits rateLimits = stream.metadata().rateLimits();
					return stream.chunks().<ChatResponse>handle((chunk, sink) -> {
						ChatResponse response = state.toChatResponse(chunk, rateLimits);
						if (response != null) {
							sink.next(response);
						}
					});
				});
			// subscribed to inside the observation's scope, so that the client's own observation, made on
			// subscription, is its child
			Flux<ChatResponse> responses = Flux.<ChatResponse>from((subscriber) -> {
				try (Observation.Scope ignored = observation.openScope()) {
					mapped.subscribe(subscriber);
				}
			});
			// stopped once the aggregated response is set and before the subscriber hears of the end, so that a
			// caller who has seen the end finds the call measured
			AtomicBoolean stopped = new AtomicBoolean();
			return new MessageAggregator().aggregate(responses, context::setResponse).doOnComplete(() -> {
				if (stopped.compareAndSet(false, true)) {
					observation.stop();
				}
			}).doOnError((error) -> {
				if (stopped.compareAndSet(false, true)) {
					observation.error(error);
					observation.stop();
				}
			}).doOnCancel(() -> {
				if (stopped.compareAndSet(false, true)) {
					observation.stop();
				}
			}).contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Prompt requestPrompt(Prompt prompt) {
		if (prompt.getOptions() == null) {
			return prompt.mutate().chatOptions(this.defaultOptions).build();
		}
		return prompt;
	}

	/**
	 * Builds the request the prompt is sent as (for tests and for looking at what is sent).
	 * @param prompt the prompt, with its options or the model's default ones
	 * @return the request, without {@code stream}, which the client sets
	 */
	ChatCompletionRequest createRequest(Prompt prompt) {
		CerebrasChatOptions options = CerebrasChatOptions
			.from((prompt.getOptions() != null) ? prompt.getOptions() : this.defaultOptions);
		String model = (options.getModel() != null) ? options.getModel() : this.defaultOptions.getModel();
		if (!StringUtils.hasText(model)) {
			throw new IllegalArgumentException("No model: set it in the prompt's options or the model's default options "
					+ "(cerebras.spring-ai.chat.options.model)");
		}
		ChatCompletionRequest.Builder builder = ChatCompletionRequest.builder()
			.model(model)
			.messages(messages(prompt.getInstructions()))
			.temperature(options.getTemperature())
			.topP(options.getTopP())
			.maxCompletionTokens(options.getMaxTokens())
			.frequencyPenalty(options.getFrequencyPenalty())
			.presencePenalty(options.getPresencePenalty())
			.seed(options.getSeed())
			.reasoningEffort(options.getReasoningEffort())
			.reasoningFormat(options.getReasoningFormat())
			.serviceTier(options.getServiceTier())
			.parallelToolCalls(options.getParallelToolCalls());
		if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
			builder.stop(options.getStopSequences());
		}
		List<ToolDefinition> definitions = this.toolCallingManager.resolveToolDefinitions(options);
		if (!definitions.isEmpty()) {
			builder.tools(definitions.stream().map(CerebrasChatModel::tool).toList());
		}
		if (StringUtils.hasText(options.getOutputSchema())) {
			builder.responseFormat(ResponseFormat.jsonSchema(new ResponseFormat.JsonSchema("response", null,
					jsonObject(options.getOutputSchema()), true)));
		}
		if (!options.getExtraBody().isEmpty()) {
			builder.extraBody(options.getExtraBody());
		}
		return builder.build();
	}

	private static Tool tool(ToolDefinition definition) {
		return Tool.function(definition.name(), definition.description(), jsonObject(definition.inputSchema()));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> jsonObject(String json) {
		return CerebrasJson.fromJson(json, LinkedHashMap.class);
	}

	static List<ChatMessage> messages(List<Message> instructions) {
		List<ChatMessage> messages = new ArrayList<>(instructions.size());
		for (Message message : instructions) {
			if (message instanceof SystemMessage system) {
				messages.add(ChatMessage.system(text(system.getText())));
			}
			else if (message instanceof UserMessage user) {
				messages.add(userMessage(user));
			}
			else if (message instanceof AssistantMessage assistant) {
				messages.add(assistantMessage(assistant));
			}
			else if (message instanceof ToolResponseMessage tools) {
				for (ToolResponseMessage.ToolResponse response : tools.getResponses()) {
					messages.add(ChatMessage.tool(response.id(), text(response.responseData())));
				}
			}
			else {
				throw new IllegalArgumentException("Unsupported message type: " + message.getMessageType());
			}
		}
		return messages;
	}

	private static ChatMessage userMessage(UserMessage user) {
		if (user.getMedia().isEmpty()) {
			return ChatMessage.user(text(user.getText()));
		}
		List<ContentPart> parts = new ArrayList<>();
		if (StringUtils.hasText(user.getText())) {
			parts.add(ContentPart.text(user.getText()));
		}
		for (Media media : user.getMedia()) {
			if (!"image".equals(media.getMimeType().getType())) {
				throw new IllegalArgumentException("Unsupported media type: " + media.getMimeType()
						+ " (Cerebras takes images only)");
			}
			parts.add(ContentPart.imageUrl(imageUrl(media)));
		}
		return ChatMessage.user(parts.toArray(ContentPart[]::new));
	}

	private static String imageUrl(Media media) {
		Object data = media.getData();
		if (data instanceof String url) {
			return url;
		}
		return "data:" + media.getMimeType().getType() + "/" + media.getMimeType().getSubtype() + ";base64,"
				+ Base64.getEncoder().encodeToString(media.getDataAsByteArray());
	}

	private static ChatMessage assistantMessage(AssistantMessage assistant) {
		String content = assistant.getText();
		List<ToolCall> toolCalls = assistant.hasToolCalls() ? assistant.getToolCalls()
			.stream()
			.map((call) -> ToolCall.of(call.id(), call.name(), call.arguments()))
			.toList() : null;
		MessageContent text = (StringUtils.hasLength(content) || toolCalls == null)
				? MessageContent.text(text(content)) : null;
		return new io.github.cerebras4j.client.chat.AssistantMessage(text, null, null, toolCalls);
	}

	private static String text(@Nullable String text) {
		return (text != null) ? text : "";
	}

	ChatResponse toChatResponse(ChatCompletion completion, RateLimits rateLimits) {
		List<Generation> generations = new ArrayList<>(completion.choices().size());
		for (ChatChoice choice : completion.choices()) {
			ChatCompletionMessage message = choice.message();
			List<AssistantMessage.ToolCall> toolCalls = (message != null && message.toolCalls() != null)
					? toolCalls(message.toolCalls()) : List.of();
			generations.add(generation(completion.id(), choice.index(), (message != null) ? message.content() : null,
					(message != null) ? message.reasoning() : null, toolCalls, choice.finishReason()));
		}
		return new ChatResponse(generations, responseMetadata(completion.id(), completion.model(),
				completion.usage(), completion.timeInfo(), completion.serviceTier(), rateLimits));
	}

	private static Generation generation(@Nullable String id, @Nullable Integer index, @Nullable String content,
			@Nullable String reasoning, List<AssistantMessage.ToolCall> toolCalls, @Nullable String finishReason) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("id", (id != null) ? id : "");
		properties.put("role", "assistant");
		properties.put("index", (index != null) ? index : 0);
		properties.put("finishReason", (finishReason != null) ? finishReason : "");
		if (reasoning != null) {
			properties.put(REASONING_CONTENT, reasoning);
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(text(content))
			.properties(properties)
			.toolCalls(toolCalls)
			.build();
		ChatGenerationMetadata metadata = (finishReason != null)
				? ChatGenerationMetadata.builder().finishReason(finishReason.toUpperCase(java.util.Locale.ROOT)).build()
				: ChatGenerationMetadata.NULL;
		return new Generation(message, metadata);
	}

	private static List<AssistantMessage.ToolCall> toolCalls(List<ToolCall> calls) {
		return calls.stream()
			.filter((call) -> call.function() != null && call.function().name() != null)
			.map((call) -> new AssistantMessage.ToolCall(text(call.id()), "function", call.function().name(),
					text(call.function().arguments())))
			.toList();
	}

	private static ChatResponseMetadata responseMetadata(@Nullable String id, @Nullable String model,
			io.github.cerebras4j.client.core.@Nullable Usage usage, @Nullable TimeInfo timeInfo,
			@Nullable String serviceTier, RateLimits rateLimits) {
		ChatResponseMetadata.Builder builder = ChatResponseMetadata.builder()
			.id(text(id))
			.model(text(model))
			.rateLimit(new CerebrasRateLimit(rateLimits))
			.usage((usage != null) ? new DefaultUsage(usage.promptTokens(), usage.completionTokens(),
					usage.totalTokens(), usage) : new EmptyUsage());
		if (timeInfo != null) {
			builder.keyValue(TIME_INFO, timeInfo);
		}
		if (serviceTier != null) {
			builder.keyValue("serviceTier", serviceTier);
		}
		return builder.build();
	}

	/**
	 * What one stream remembers between its chunks: its tool-call fragments and its reasoning so far.
	 */
	private final class StreamState {

		private final ToolCallAccumulator toolCalls = new ToolCallAccumulator();

		private final StringBuilder reasoning = new StringBuilder();

		private boolean callingTools;

		/**
		 * Maps a chunk, or returns {@code null} while the chunks are fragments of tool calls, which are returned
		 * whole with the chunk that ends them.
		 */
		@Nullable ChatResponse toChatResponse(ChatCompletionChunk chunk, RateLimits rateLimits) {
			this.toolCalls.accept(chunk);
			List<Generation> generations = new ArrayList<>(chunk.choices().size());
			for (ChatChunkChoice choice : chunk.choices()) {
				ChatDelta delta = choice.delta();
				if (delta != null && delta.toolCalls() != null && !delta.toolCalls().isEmpty()) {
					this.callingTools = true;
				}
				if (delta != null && delta.reasoning() != null) {
					this.reasoning.append(delta.reasoning());
				}
				List<AssistantMessage.ToolCall> calls = List.of();
				if (this.callingTools) {
					if (choice.finishReason() == null) {
						continue;
					}
					calls = CerebrasChatModel.toolCalls(this.toolCalls.toolCalls());
				}
				String reasoningSoFar = (this.reasoning.length() > 0) ? this.reasoning.toString() : null;
				generations.add(generation(chunk.id(), choice.index(), (delta != null) ? delta.content() : null,
						reasoningSoFar, calls, choice.finishReason()));
			}
			if (generations.isEmpty() && chunk.usage() == null) {
				return null;
			}
			return new ChatResponse(generations, responseMetadata(chunk.id(), chunk.model(), chunk.usage(),
					chunk.timeInfo(), chunk.serviceTier(), rateLimits));
		}

	}

	/**
	 * Builds a {@link CerebrasChatModel}.
	 */
	public static final class Builder {

		private @Nullable CerebrasTemplate cerebras;

		private CerebrasChatOptions defaultOptions = CerebrasChatOptions.builder().build();

		private @Nullable ToolCallingManager toolCallingManager;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable ChatModelObservationConvention observationConvention;

		Builder() {
		}

		/**
		 * Sets the template calls go through (required); streams use its {@link CerebrasTemplate#reactive()}.
		 * @param cerebras the template
		 * @return this builder
		 */
		public Builder cerebrasTemplate(CerebrasTemplate cerebras) {
			this.cerebras = cerebras;
			return this;
		}

		/**
		 * Sets the options used when a prompt has none.
		 * @param defaultOptions the options; their model is used when a prompt's options name none
		 * @return this builder
		 */
		public Builder defaultOptions(CerebrasChatOptions defaultOptions) {
			this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions must not be null");
			return this;
		}

		/**
		 * Sets what resolves the tool definitions of the options (a default {@link ToolCallingManager} otherwise).
		 * @param toolCallingManager the manager
		 * @return this builder
		 */
		public Builder toolCallingManager(ToolCallingManager toolCallingManager) {
			this.toolCallingManager = toolCallingManager;
			return this;
		}

		/**
		 * Sets the registry of Spring AI's chat observation ({@link ObservationRegistry#NOOP} otherwise).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry,
					"observationRegistry must not be null");
			return this;
		}

		/**
		 * Sets the convention of Spring AI's chat observation (its default otherwise).
		 * @param observationConvention the convention, {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Builds the model.
		 * @return the model
		 */
		public CerebrasChatModel build() {
			return new CerebrasChatModel(this);
		}

	}

}
