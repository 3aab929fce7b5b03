package io.github.cerebras4j.client;

import java.util.List;
import java.util.stream.Stream;

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

/**
 * Chat completions, {@code POST /v1/chat/completions}, for blocking code: everything a {@link Generations} does, and
 * what only chat completions do, answers read into a Java type (structured outputs) and tool runs. Obtained from
 * {@code CerebrasTemplate.chat().completions()}.
 */
public final class ChatCompletions extends Generations<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> {

	private final ReactiveChatCompletions chat;

	ChatCompletions(ReactiveChatCompletions chat) {
		super(chat);
		this.chat = chat;
	}

	/**
	 * Generates a chat completion whose answer is JSON of a Java type, waits for it and reads it into that type. The
	 * request is sent with a {@code response_format} of type {@code json_schema}, strict, whose schema is generated
	 * from the type (see {@link ResponseFormat#jsonSchema(java.lang.reflect.Type)} for the shapes supported and the
	 * rules applied); a {@code response_format} the request already has is replaced. Only chat completions take a
	 * response format.
	 * @param request the request
	 * @param type the type of the answer, usually a record
	 * @param <T> the type of the answer
	 * @return the answer and the completion
	 * @throws CerebrasStructuredOutputException when the first choice's content is missing or is not JSON of the
	 * type; it keeps the raw text
	 */
	public <T> StructuredCompletion<T> create(ChatCompletionRequest request, Class<T> type) {
		return BlockingCalls.block(() -> this.chat.create(request, type));
	}

	/**
	 * Runs tools for the model until it answers, and waits: sends the request with the tools (replacing the tools it
	 * has), runs the tools each reply calls (the calls of one reply at the same time, on Reactor's bounded elastic
	 * scheduler), appends the assistant message with its tool calls and one tool message per call, and sends again,
	 * until a reply calls no tool. A tool that throws answers the model {@code "Error: "} and the message; after
	 * {@value ToolRunOptions#DEFAULT_MAX_TOOL_ROUNDS} rounds of tool calls the run fails.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @return the final answer and the conversation
	 * @throws CerebrasToolRoundsExceededException when the model still calls tools after the rounds allowed
	 */
	public ToolRunResult runTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools) {
		return runTools(request, tools, ToolRunOptions.defaults());
	}

	/**
	 * Runs tools for the model until it answers, as {@link #runTools(ChatCompletionRequest, List)} does, with options.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @param options the limit of rounds and what a tool that throws does
	 * @return the final answer and the conversation
	 * @throws CerebrasToolRoundsExceededException when the model still calls tools after the rounds allowed
	 * @throws CerebrasToolExecutionException when a tool fails and the options say to throw
	 */
	public ToolRunResult runTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools,
			ToolRunOptions options) {
		return BlockingCalls.block(() -> this.chat.runTools(request, tools, options));
	}

	/**
	 * Runs tools for the model until it answers, streaming every round as it arrives (see
	 * {@link ReactiveChatCompletions#streamTools}). Close the stream, best with try-with-resources: closing it before
	 * the end cancels the run.
	 * @param request the request
	 * @param tools the tools the model may call, with distinct names
	 * @param options the limit of rounds and what a tool that throws does
	 * @return the chunks of every round, in order
	 * @throws IllegalStateException on a thread that must not block, before anything is sent
	 */
	public Stream<ChatCompletionChunk> streamTools(ChatCompletionRequest request, List<? extends FunctionTool<?>> tools,
			ToolRunOptions options) {
		BlockingCalls.checkBeforeCall();
		return this.chat.streamTools(request, tools, options).toStream(1);
	}

}
