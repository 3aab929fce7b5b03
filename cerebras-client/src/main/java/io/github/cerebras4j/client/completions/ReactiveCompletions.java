package io.github.cerebras4j.client.completions;

import io.github.cerebras4j.client.http.CerebrasHttpClient;
import io.github.cerebras4j.client.http.GenerationEndpoint;
import org.springframework.http.HttpEntity;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Text completions, {@code POST /v1/completions}, as {@link Mono} and {@link Flux}. Obtained from
 * {@code ReactiveCerebrasTemplate.completions()}.
 */
public final class ReactiveCompletions {

	private final GenerationEndpoint<CompletionRequest, Completion, CompletionChunk> endpoint;

	/**
	 * Creates the resource on a transport.
	 * @param http the transport
	 */
	public ReactiveCompletions(CerebrasHttpClient http) {
		this.endpoint = new GenerationEndpoint<>(http, "/v1/completions", Completion.class, CompletionChunk.class);
	}

	/**
	 * Generates a whole completion. The request is sent on subscription.
	 * @param request the request
	 * @return the completion
	 */
	public Mono<Completion> create(CompletionRequest request) {
		return this.endpoint.create(request).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Streams a completion chunk by chunk as the model generates it. The request is sent on subscription;
	 * cancelling closes the exchange. Unless the request sets {@code stream_options}, usage is asked for, and the
	 * final chunk carries it with the server's timing.
	 * @param request the request; {@code best_of} cannot be streamed
	 * @return the chunks, in order
	 */
	public Flux<CompletionChunk> stream(CompletionRequest request) {
		request.checkStreamable();
		return this.endpoint.stream(request);
	}

}
