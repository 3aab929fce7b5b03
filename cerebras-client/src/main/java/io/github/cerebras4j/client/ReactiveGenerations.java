package io.github.cerebras4j.client;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.internal.transport.ApiCall;
import io.github.cerebras4j.client.internal.transport.RequestBodies;
import io.github.cerebras4j.client.internal.transport.Transport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A generation endpoint as {@link Mono} and {@link Flux}: chat completions ({@code POST /v1/chat/completions}, from
 * {@code ReactiveCerebrasTemplate.chat().completions()}) or text completions ({@code POST /v1/completions}, from
 * {@code ReactiveCerebrasTemplate.completions()}). One request is answered either as one completion or as a stream of
 * chunks. Requests are sent on subscription; the body is written when the method is called, so a request that cannot
 * be written fails there.
 *
 * @param <R> the request type, for example {@code ChatCompletionRequest}
 * @param <C> the completion type, for example {@code ChatCompletion}
 * @param <K> the chunk type, for example {@code ChatCompletionChunk}
 */
public class ReactiveGenerations<R extends CerebrasRequest, C, K extends GenerationChunk> {

	private final Transport transport;

	private final Endpoint<C, K> endpoint;

	private final WithRawResponse withRawResponse = new WithRawResponse();

	ReactiveGenerations(Transport transport, Endpoint<C, K> endpoint) {
		this.transport = transport;
		this.endpoint = endpoint;
	}

	/**
	 * Generates a whole completion.
	 * @param request the request
	 * @return the completion
	 */
	public Mono<C> create(R request) {
		return this.withRawResponse.create(request).mapNotNull(HttpEntity::getBody);
	}

	/**
	 * Streams a completion chunk by chunk as the model generates it; cancelling closes the exchange. Unless the
	 * request sets {@code stream_options}, usage is asked for, and the final chunk carries it with the server's timing.
	 * @param request the request
	 * @return the chunks, in order
	 */
	public Flux<K> stream(R request) {
		return streamTakenAtOnce(request).flatMapMany(StreamResponse::chunks);
	}

	/**
	 * Streams a completion for a caller that subscribes to the chunks as soon as it has the response, so without the
	 * grace period of {@link WithRawResponse#stream}.
	 * @param request the request
	 * @return the response
	 */
	Mono<StreamResponse<K>> streamTakenAtOnce(R request) {
		ApiCall call = call(request, true);
		return this.transport.stream(call, this.endpoint.chunkType(), null);
	}

	/**
	 * Returns the same calls answering with the status, headers, rate limits and retries of the response.
	 * @return the raw-response view
	 */
	public WithRawResponse withRawResponse() {
		return this.withRawResponse;
	}

	private ApiCall call(R request, boolean stream) {
		Assert.notNull(request, "'request' must not be null");
		if (stream) {
			request.checkStreamable();
		}
		return new ApiCall(HttpMethod.POST, this.endpoint.path(), Map.of(),
				RequestBodies.json(request, stream, this.transport.options().extraBody()), this.endpoint.operation(),
				request.model(), true, request.maxOutputTokens());
	}

	/**
	 * The same calls, answering with the whole response, not just its body.
	 */
	public final class WithRawResponse {

		private WithRawResponse() {
		}

		/**
		 * Generates a whole completion.
		 * @param request the request
		 * @return the response: status, headers, rate limits, retries and the completion
		 */
		public Mono<RawResponse<C>> create(R request) {
			ApiCall call = call(request, false);
			return ReactiveGenerations.this.transport.exchange(call, ReactiveGenerations.this.endpoint.completionType());
		}

		/**
		 * Streams a completion; the response, with its status and headers, is emitted when the first chunk arrives,
		 * before anything is read past it. Its chunks are the rest of the same exchange, read as fast as their
		 * subscriber asks: subscribe to them once, and within {@link StreamResponse#SUBSCRIBE_GRACE_PERIOD}, after
		 * which the exchange is cancelled to free its connection.
		 * @param request the request
		 * @return the response, whose chunks are to be subscribed to once
		 */
		public Mono<StreamResponse<K>> stream(R request) {
			ApiCall call = call(request, true);
			return ReactiveGenerations.this.transport.stream(call, ReactiveGenerations.this.endpoint.chunkType(),
					StreamResponse.SUBSCRIBE_GRACE_PERIOD);
		}

	}

	/**
	 * Where a generation endpoint is and what it answers.
	 *
	 * @param path the endpoint's path
	 * @param completionType the type of a whole completion
	 * @param chunkType the type of a streamed chunk
	 * @param operation the operation observed, for example {@code chat}
	 * @param <C> the completion type
	 * @param <K> the chunk type
	 */
	record Endpoint<C, K extends GenerationChunk>(String path, Class<C> completionType, Class<K> chunkType,
			String operation) {
	}

}
