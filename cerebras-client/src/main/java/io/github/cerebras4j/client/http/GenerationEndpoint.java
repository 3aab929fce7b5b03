package io.github.cerebras4j.client.http;

import java.util.Map;

import io.github.cerebras4j.client.ApiObject;
import io.github.cerebras4j.client.CerebrasRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A generation endpoint ({@code /v1/chat/completions} or {@code /v1/completions}): the same request answered
 * either as one JSON completion or as a stream of chunks.
 *
 * @param <R> the request type
 * @param <C> the completion type
 * @param <K> the chunk type
 */
public final class GenerationEndpoint<R extends CerebrasRequest, C, K extends ApiObject> {

	private final CerebrasHttpClient http;

	private final String path;

	private final Class<C> completionType;

	private final Class<K> chunkType;

	/**
	 * Creates the endpoint.
	 * @param http the transport
	 * @param path the endpoint's path
	 * @param completionType the type of a whole completion
	 * @param chunkType the type of a streamed chunk
	 */
	public GenerationEndpoint(CerebrasHttpClient http, String path, Class<C> completionType, Class<K> chunkType) {
		this.http = http;
		this.path = path;
		this.completionType = completionType;
		this.chunkType = chunkType;
	}

	/**
	 * Asks for a whole completion. The body is written now, so a request that cannot be written fails here.
	 * @param request the request
	 * @return the response, sent on subscription
	 */
	public Mono<ResponseEntity<C>> create(R request) {
		return this.http.exchange(call(request, false), this.completionType);
	}

	/**
	 * Asks for a stream of chunks. The body is written now, so a request that cannot be written fails here.
	 * @param request the request
	 * @return the chunks, sent on subscription
	 */
	public Flux<K> stream(R request) {
		return this.http.stream(call(request, true), this.chunkType);
	}

	private ApiCall call(R request, boolean stream) {
		Assert.notNull(request, "'request' must not be null");
		return new ApiCall(HttpMethod.POST, this.path, Map.of(), RequestBodies.headers(request),
				RequestBodies.json(request, stream));
	}

}
