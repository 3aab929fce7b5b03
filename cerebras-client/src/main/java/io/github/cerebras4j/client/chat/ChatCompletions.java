package io.github.cerebras4j.client.chat;

import io.github.cerebras4j.client.BlockingCalls;
import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.internal.transport.CerebrasHttpClient;
import io.github.cerebras4j.client.internal.transport.GenerationEndpoint;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;

/**
 * Chat completions, {@code POST /v1/chat/completions}, for blocking code. Obtained from
 * {@code CerebrasTemplate.chat().completions()}.
 */
public final class ChatCompletions {

	private final GenerationEndpoint<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> endpoint;

	private final WithRawResponse withRawResponse;

	/**
	 * Creates the resource on a transport.
	 * @param http the transport
	 */
	public ChatCompletions(CerebrasHttpClient http) {
		this.endpoint = new GenerationEndpoint<>(http, "/v1/chat/completions", ChatCompletion.class,
				ChatCompletionChunk.class, CerebrasObservationContext.CHAT);
		this.withRawResponse = new WithRawResponse(this.endpoint);
	}

	/**
	 * Generates a whole completion and waits for it.
	 * @param request the request
	 * @return the completion
	 */
	public ChatCompletion create(ChatCompletionRequest request) {
		return this.withRawResponse.create(request).getBody();
	}

	/**
	 * Starts streaming a completion; chunks arrive as the model generates them. Close the stream, best with
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream
	 */
	public CerebrasStream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.endpoint.openStream(request);
	}

	/**
	 * Returns the same calls answering with the status, headers, rate limits and retries of the response.
	 * @return the raw-response view
	 */
	public WithRawResponse withRawResponse() {
		return this.withRawResponse;
	}

	/**
	 * Chat completions answering with the whole response, not just its body.
	 */
	public static final class WithRawResponse {

		private final GenerationEndpoint<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> endpoint;

		WithRawResponse(GenerationEndpoint<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * Generates a whole completion and waits for it.
		 * @param request the request
		 * @return the response: status, headers, rate limits, retries and the completion
		 */
		public RawResponse<ChatCompletion> create(ChatCompletionRequest request) {
			return BlockingCalls.block(() -> this.endpoint.create(request));
		}

		/**
		 * Starts streaming a completion; {@link CerebrasStream#response()} gives the status and headers before the
		 * first chunk.
		 * @param request the request
		 * @return the open stream
		 */
		public CerebrasStream<ChatCompletionChunk> stream(ChatCompletionRequest request) {
			return this.endpoint.openStream(request);
		}

	}

}
