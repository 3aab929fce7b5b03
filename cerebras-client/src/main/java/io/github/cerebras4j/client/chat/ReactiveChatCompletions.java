package io.github.cerebras4j.client.chat;

import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.internal.transport.CerebrasHttpClient;
import io.github.cerebras4j.client.internal.transport.GenerationEndpoint;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import org.springframework.http.HttpEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat completions, {@code POST /v1/chat/completions}, as {@link Mono} and {@link Flux}. Obtained from
 * {@code ReactiveCerebrasTemplate.chat().completions()}.
 */
public final class ReactiveChatCompletions {

	private final GenerationEndpoint<ChatCompletionRequest, ChatCompletion, ChatCompletionChunk> endpoint;

	private final WithRawResponse withRawResponse;

	/**
	 * Creates the resource on a transport.
	 * @param http the transport
	 */
	public ReactiveChatCompletions(CerebrasHttpClient http) {
		this.endpoint = new GenerationEndpoint<>(http, "/v1/chat/completions", ChatCompletion.class,
				ChatCompletionChunk.class, CerebrasObservationContext.CHAT);
		this.withRawResponse = new WithRawResponse(this.endpoint);
	}

	/**
	 * Generates a whole completion. The request is sent on subscription.
	 * @param request the request
	 * @return the completion
	 */
	public Mono<ChatCompletion> create(ChatCompletionRequest request) {
		return this.endpoint.create(request).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Streams a completion chunk by chunk as the model generates it. The request is sent on subscription;
	 * cancelling closes the exchange. Unless the request sets {@code stream_options}, usage is asked for, and the
	 * final chunk carries it with the server's timing.
	 * @param request the request
	 * @return the chunks, in order
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request) {
		return this.endpoint.stream(request);
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
		 * Generates a whole completion.
		 * @param request the request
		 * @return the response: status, headers, rate limits, retries and the completion
		 */
		public Mono<RawResponse<ChatCompletion>> create(ChatCompletionRequest request) {
			return this.endpoint.create(request);
		}

		/**
		 * Streams a completion; the response, with its status and headers, is emitted when the first chunk arrives,
		 * before anything is read past it. Its chunks are the rest of the same exchange, read as fast as their
		 * subscriber asks: subscribe to them once, and within {@link StreamResponse#SUBSCRIBE_GRACE_PERIOD}, after which
		 * the exchange is cancelled to free its connection.
		 * @param request the request
		 * @return the response, whose chunks are to be subscribed to once
		 */
		public Mono<StreamResponse<ChatCompletionChunk>> stream(ChatCompletionRequest request) {
			return this.endpoint.streamWithResponse(request);
		}

	}

}
