package io.github.cerebras4j.client.internal.transport;

import java.util.Map;
import java.util.function.Consumer;

import io.github.cerebras4j.client.CerebrasStream;
import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A generation endpoint ({@code /v1/chat/completions} or {@code /v1/completions}): the same request answered
 * either as one JSON completion or as a stream of chunks, each also with its status and headers.
 *
 * @param <R> the request type
 * @param <C> the completion type
 * @param <K> the chunk type
 */
public final class GenerationEndpoint<R extends CerebrasRequest, C, K extends GenerationChunk> {

	private final CerebrasHttpClient http;

	private final String path;

	private final Class<C> completionType;

	private final Class<K> chunkType;

	private final String operation;

	/**
	 * Creates the endpoint.
	 * @param http the transport
	 * @param path the endpoint's path
	 * @param completionType the type of a whole completion
	 * @param chunkType the type of a streamed chunk
	 * @param operation the operation observed, for example {@code chat}
	 */
	public GenerationEndpoint(CerebrasHttpClient http, String path, Class<C> completionType, Class<K> chunkType,
			String operation) {
		this.http = http;
		this.path = path;
		this.completionType = completionType;
		this.chunkType = chunkType;
		this.operation = operation;
	}

	/**
	 * Asks for a whole completion. The body is written now, so a request that cannot be written fails here.
	 * @param request the request
	 * @return the response, sent on subscription
	 */
	public Mono<RawResponse<C>> create(R request) {
		return this.http.exchange(call(request, false), this.completionType);
	}

	/**
	 * Asks for a stream of chunks. The body is written now, so a request that cannot be written fails here.
	 * @param request the request
	 * @return the chunks, sent on subscription
	 */
	public Flux<K> stream(R request) {
		return stream(request, metadata -> {
		});
	}

	/**
	 * Asks for a stream of chunks and tells the caller the status and headers before the first chunk. One exchange
	 * serves both: the response is emitted with the first chunk (or the clean end of a stream without chunks), and
	 * its chunks are the rest of that exchange, read only as fast as their subscriber asks. Cancelling them closes
	 * the exchange; not subscribing to them within {@link StreamResponse#SUBSCRIBE_GRACE_PERIOD} closes it too.
	 * @param request the request
	 * @return the response, emitted when its first chunk arrives; its chunks are to be subscribed to once
	 */
	public Mono<StreamResponse<K>> streamWithResponse(R request) {
		ApiCall call = call(request, true);
		return StreamResponses.of(onResponse -> stream(call, onResponse), StreamResponse.SUBSCRIBE_GRACE_PERIOD);
	}

	/**
	 * Starts a stream for blocking code: the request is sent at once and chunks are handed over as they arrive.
	 * @param request the request
	 * @return the open stream, whose {@code response()} gives the status and headers
	 * @throws IllegalStateException on a thread that must not block, before anything is sent
	 */
	public CerebrasStream<K> openStream(R request) {
		return CerebrasStream.open(onResponse -> stream(request, onResponse));
	}

	private Flux<K> stream(R request, Consumer<ResponseMetadata> onResponse) {
		return stream(call(request, true), onResponse);
	}

	private Flux<K> stream(ApiCall call, Consumer<ResponseMetadata> onResponse) {
		return this.http.stream(call, this.chunkType, onResponse);
	}

	private ApiCall call(R request, boolean stream) {
		Assert.notNull(request, "'request' must not be null");
		if (stream) {
			request.checkStreamable();
		}
		return new ApiCall(HttpMethod.POST, this.path, Map.of(), HttpHeaders.EMPTY,
				RequestBodies.json(request, stream, this.http.options().extraBody()), this.operation, request.model());
	}

}
