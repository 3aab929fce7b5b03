package io.github.cerebras4j.client;

import java.util.List;

import io.github.cerebras4j.client.chat.FunctionTool;
import io.github.cerebras4j.client.chat.ResponseFormat;
import io.github.cerebras4j.client.chat.StructuredCompletion;
import io.github.cerebras4j.client.chat.ToolRunOptions;
import io.github.cerebras4j.client.chat.ToolRunResult;
import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.error.CerebrasStructuredOutputException;
import io.github.cerebras4j.client.error.CerebrasToolExecutionException;
import io.github.cerebras4j.client.error.CerebrasToolRoundsExceededException;

/**
 * A generation endpoint for blocking code: chat completions ({@code POST /v1/chat/completions}, from
 * {@code CerebrasTemplate.chat().completions()}) or text completions ({@code POST /v1/completions}, from
 * {@code CerebrasTemplate.completions()}). The blocking view of a {@link ReactiveGenerations}: every call checks
 * first that the thread may block, before anything is sent.
 *
 * @param <R> the request type, for example {@code ChatCompletionRequest}
 * @param <C> the completion type, for example {@code ChatCompletion}
 * @param <K> the chunk type, for example {@code ChatCompletionChunk}
 */
public final class Generations<R extends CerebrasRequest, C, K extends GenerationChunk> {

	private final ReactiveGenerations<R, C, K> reactive;

	private final WithRawResponse withRawResponse = new WithRawResponse();

	Generations(ReactiveGenerations<R, C, K> reactive) {
		this.reactive = reactive;
	}

	/**
	 * Generates a whole completion and waits for it.
	 * @param request the request
	 * @return the completion
	 */
	public C create(R request) {
		return this.withRawResponse.create(request).getBody();
	}

	/**
	 * Generates a chat completion whose answer is JSON of a Java type, waits for it and reads it into that type. The
	 * request is sent with a {@code response_format} of type {@code json_schema}, strict, whose schema is generated
	 * from the type (see {@link ResponseFormat#jsonSchema(java.lang.reflect.Type)} for the shapes supported and the
	 * rules applied); a {@code response_format} the request already has is replaced. Only chat completions take a
	 * response format.
	 * @param request the request, a {@code ChatCompletionRequest}
	 * @param type the type of the answer, usually a record
	 * @param <T> the type of the answer
	 * @return the answer and the completion
	 * @throws CerebrasStructuredOutputException when the first choice's content is missing or is not JSON of the
	 * type; it keeps the raw text
	 * @throws UnsupportedOperationException when the request is not a chat completion request
	 */
	public <T> StructuredCompletion<T> create(R request, Class<T> type) {
		return BlockingCalls.block(() -> this.reactive.create(request, type));
	}

	/**
	 * Runs tools for the model until it answers, and waits: sends the request with the tools (replacing the tools it
	 * has), runs the tools each reply calls (the calls of one reply at the same time, on Reactor's bounded elastic
	 * scheduler), appends the assistant message with its tool calls and one tool message per call, and sends again,
	 * until a reply calls no tool. A tool that throws answers the model {@code "Error: "} and the message; after
	 * {@value ToolRunOptions#DEFAULT_MAX_TOOL_ROUNDS} rounds of tool calls the run fails. Only chat completions take
	 * tools.
	 * @param request the request, a {@code ChatCompletionRequest}
	 * @param tools the tools the model may call, with distinct names
	 * @return the final answer and the conversation
	 * @throws CerebrasToolRoundsExceededException when the model still calls tools after the rounds allowed
	 * @throws UnsupportedOperationException when the request is not a chat completion request
	 */
	public ToolRunResult runTools(R request, List<? extends FunctionTool<?>> tools) {
		return runTools(request, tools, ToolRunOptions.defaults());
	}

	/**
	 * Runs tools for the model until it answers, as {@link #runTools(CerebrasRequest, List)} does, with options.
	 * @param request the request, a {@code ChatCompletionRequest}
	 * @param tools the tools the model may call, with distinct names
	 * @param options the limit of rounds and what a tool that throws does
	 * @return the final answer and the conversation
	 * @throws CerebrasToolRoundsExceededException when the model still calls tools after the rounds allowed
	 * @throws CerebrasToolExecutionException when a tool fails and the options say to throw
	 * @throws UnsupportedOperationException when the request is not a chat completion request
	 */
	public ToolRunResult runTools(R request, List<? extends FunctionTool<?>> tools, ToolRunOptions options) {
		return BlockingCalls.block(() -> this.reactive.runTools(request, tools, options));
	}

	/**
	 * Starts streaming a completion; chunks arrive as the model generates them. Close the stream, best with
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream
	 */
	public CerebrasStream<K> stream(R request) {
		return this.withRawResponse.stream(request);
	}

	/**
	 * Returns the same calls answering with the status, headers, rate limits and retries of the response.
	 * @return the raw-response view
	 */
	public WithRawResponse withRawResponse() {
		return this.withRawResponse;
	}

	/**
	 * The same calls, answering with the whole response, not just its body.
	 */
	public final class WithRawResponse {

		private WithRawResponse() {
		}

		/**
		 * Generates a whole completion and waits for it.
		 * @param request the request
		 * @return the response: status, headers, rate limits, retries and the completion
		 */
		public RawResponse<C> create(R request) {
			return BlockingCalls.block(() -> Generations.this.reactive.withRawResponse().create(request));
		}

		/**
		 * Starts streaming a completion; {@link CerebrasStream#response()} gives the status and headers before the
		 * first chunk.
		 * @param request the request
		 * @return the open stream
		 */
		public CerebrasStream<K> stream(R request) {
			return CerebrasStream.open(() -> Generations.this.reactive.streamTakenAtOnce(request));
		}

	}

}
