package io.github.cerebras4j.client;

import java.util.List;

import io.github.cerebras4j.client.chat.ChatCompletion;
import io.github.cerebras4j.client.chat.ChatCompletionChunk;
import io.github.cerebras4j.client.chat.ChatCompletionRequest;
import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.client.chat.ToolRunOptions;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.client.error.CerebrasStructuredOutputException;
import io.github.cerebras4j.client.error.CerebrasToolExecutionException;
import io.github.cerebras4j.client.error.CerebrasToolRoundsExceededException;
import io.github.cerebras4j.client.internal.transport.Transport;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat completions, {@code POST /v1/chat/completions}, as {@link Mono} and {@link reactor.core.publisher.Flux}:
 * everything a {@link ReactiveGenerations} does, and what only chat completions do, answers read into a Java type
 * (structured outputs) and tool runs. Obtained from {@code ReactiveCerebrasTemplate.chat().completions()}.
 */
public final class ReactiveChatCompletions
		extends ReactiveGenerations<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> {

	private static final Endpoint<ChatCompletion, ChatCompletionChunk> ENDPOINT = new Endpoint<>(
			"/v1/chat/completions", ChatCompletion.class, ChatCompletionChunk.class, CerebrasObservationContext.CHAT);

	private final ObservationRegistry observationRegistry;

	ReactiveChatCompletions(Transport transport) {
		super(transport, ENDPOINT);
		this.observationRegistry = transport.observationRegistry();
	}

	/**
	 * Generates a chat completion whose answer is JSON of a Java type, and reads it into that type. The request is
	 * sent with a {@code response_format} of type {@code json_schema}, strict, whose schema is generated from the type
	 * (see {@link ResponseFormat#jsonSchema(java.lang.reflect.Type)} for the shapes supported and the rules applied);
	 * a {@code response_format} the request already has is replaced.
	 * @param request the request
	 * @param type the type of the answer, usually a record
	 * @param <T> the type of the answer
	 * @return the answer and the completion; fails with a {@link CerebrasStructuredOutputException}, which keeps the
	 * raw text, when the first choice's content is missing or is not JSON of the type
	 */
	public <T> Mono<StructuredCompletion<T>> create(ChatCompletionRequest request, Class<T> type) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(type, "'type' must not be null");
		ChatCompletionRequest structured = request.toBuilder().responseFormat(ResponseFormat.jsonSchema(type)).build();
		return create(structured).map((completion) -> new StructuredCompletion<>(
				StructuredReplies.<T>read(completion.content(), type), completion));
	}

	/**
	 * Runs tools for the model until it answers: sends the request with the tools (replacing the tools it has), runs
	 * the tools each reply calls (the calls of one reply at the same time, on Reactor's bounded elastic scheduler,
	 * since a tool may block), appends the assistant message with its tool calls and one tool message per call, and
	 * sends again, until a reply calls no tool. A tool that throws answers the model {@code "Error: "} and the
	 * message; after {@value ToolRunOptions#DEFAULT_MAX_TOOL_ROUNDS} rounds of tool calls the run fails.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @return the final answer and the conversation
	 */
	public Mono<ToolRunResult> runTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools) {
		return runTools(request, tools, ToolRunOptions.defaults());
	}

	/**
	 * Runs tools for the model until it answers, as {@link #runTools(ChatCompletionRequest, List)} does, with options.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @param options the limit of rounds and what a tool that throws does
	 * @return the final answer and the conversation; fails with a {@link CerebrasToolRoundsExceededException} when
	 * the model still calls tools after the rounds allowed, and with a {@link CerebrasToolExecutionException} when a
	 * tool fails and the options say to throw
	 */
	public Mono<ToolRunResult> runTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools,
			ToolRunOptions options) {
		Assert.notNull(request, "'request' must not be null");
		return toolLoop(tools, options).run(request);
	}

	/**
	 * Runs tools for the model until it answers, as {@link #runTools(ChatCompletionRequest, List)} does, streaming
	 * every round as it arrives: the chunks of the rounds that call tools carry the fragments of their calls, which
	 * are put together and run when the round ends, and the last round's chunks carry the answer's tokens. The round
	 * listener of the options is not told (a streamed round has no completion); the rest of the options apply.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @param options the limit of rounds and what a tool that throws does
	 * @return the chunks of every round, in order; fails with a {@link CerebrasToolRoundsExceededException} when the
	 * model still calls tools after the rounds allowed
	 */
	public Flux<ChatCompletionChunk> streamTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools,
			ToolRunOptions options) {
		Assert.notNull(request, "'request' must not be null");
		return toolLoop(tools, options).stream(request);
	}

	private ToolLoop toolLoop(List<? extends FunctionTool<?>> tools, ToolRunOptions options) {
		return new ToolLoop(this::create, this::stream, tools, options, this.observationRegistry);
	}

}
