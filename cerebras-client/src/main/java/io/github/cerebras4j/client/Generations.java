package io.github.cerebras4j.client;

import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;

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
public class Generations<R extends CerebrasRequest, C, K extends GenerationChunk> {

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
