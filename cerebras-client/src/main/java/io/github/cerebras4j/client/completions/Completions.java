package io.github.cerebras4j.client.completions;

import io.github.cerebras4j.client.BlockingCalls;
import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.internal.transport.CerebrasHttpClient;
import io.github.cerebras4j.client.internal.transport.GenerationEndpoint;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;

/**
 * Text completions, {@code POST /v1/completions}, for blocking code. Obtained from
 * {@code CerebrasTemplate.completions()}.
 */
public final class Completions {

	private final GenerationEndpoint<CompletionRequest, Completion, CompletionChunk> endpoint;

	private final WithRawResponse withRawResponse;

	/**
	 * Creates the resource on a transport.
	 * @param http the transport
	 */
	public Completions(CerebrasHttpClient http) {
		this.endpoint = new GenerationEndpoint<>(http, "/v1/completions", Completion.class,
				CompletionChunk.class, CerebrasObservationContext.TEXT_COMPLETION);
		this.withRawResponse = new WithRawResponse(this.endpoint);
	}

	/**
	 * Generates a whole completion and waits for it.
	 * @param request the request
	 * @return the completion
	 */
	public Completion create(CompletionRequest request) {
		return this.withRawResponse.create(request).getBody();
	}

	/**
	 * Starts streaming a completion; chunks arrive as the model generates them. Close the stream, best with
	 * try-with-resources.
	 * @param request the request
	 * @return the open stream
	 */
	public CerebrasStream<CompletionChunk> stream(CompletionRequest request) {
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
	 * Text completions answering with the whole response, not just its body.
	 */
	public static final class WithRawResponse {

		private final GenerationEndpoint<CompletionRequest, Completion, CompletionChunk> endpoint;

		WithRawResponse(GenerationEndpoint<CompletionRequest, Completion, CompletionChunk> endpoint) {
			this.endpoint = endpoint;
		}

		/**
		 * Generates a whole completion and waits for it.
		 * @param request the request
		 * @return the response: status, headers, rate limits, retries and the completion
		 */
		public RawResponse<Completion> create(CompletionRequest request) {
			return BlockingCalls.block(() -> this.endpoint.create(request));
		}

		/**
		 * Starts streaming a completion; {@link CerebrasStream#response()} gives the status and headers before the
		 * first chunk.
		 * @param request the request
		 * @return the open stream
		 */
		public CerebrasStream<CompletionChunk> stream(CompletionRequest request) {
			return this.endpoint.openStream(request);
		}

	}

}
