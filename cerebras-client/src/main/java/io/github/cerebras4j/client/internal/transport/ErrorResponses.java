package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;

import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a response that is not the answer into its typed exception: an error status into the
 * {@link CerebrasApiException} of that status, a stream answered with another content type into a
 * {@link CerebrasMalformedResponseException}. The body is read here, not by a codec (which would log it at DEBUG),
 * at most {@link #MAX_ERROR_BODY_BYTES} of it, and scrubbed of the API key.
 */
final class ErrorResponses {

	/** The most of an error body read and kept: every real error fits, a hostile one is cut. */
	static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private final Secret apiKey;

	ErrorResponses(Secret apiKey) {
		this.apiKey = apiKey;
	}

	static boolean isSuccess(ClientResponse response) {
		return response.statusCode().is2xxSuccessful();
	}

	static boolean isEventStream(ClientResponse response) {
		try {
			return response.headers().contentType().filter(MediaType.TEXT_EVENT_STREAM::isCompatibleWith).isPresent();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * Fails with the exception of an error status.
	 * @param response a response whose status is not 2xx
	 * @param <T> the type the caller expected
	 * @return the failure
	 */
	<T> Mono<T> error(ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return excerpt(response)
			.flatMap(body -> Mono.error(CerebrasApiException.of(status, headers, this.apiKey.scrub(body))));
	}

	/**
	 * Fails because a streaming call was answered with something else than server-sent events.
	 * @param response the successful response that is not {@code text/event-stream}
	 * @param <T> the type the caller expected
	 * @return the failure
	 */
	<T> Mono<T> notAnEventStream(ClientResponse response) {
		String contentType = response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		return excerpt(response).flatMap(body -> Mono.error(new CerebrasMalformedResponseException(
				"A streaming call was answered with status " + response.statusCode().value() + " and content type "
						+ ((contentType != null) ? contentType : "none") + " instead of text/event-stream", this.apiKey.scrub(body), null)));
	}

	/** Reads the start of a body that is not the answer; the rest is not read (the connection is closed). */
	private static Mono<String> excerpt(ClientResponse response) {
		Flux<DataBuffer> start = DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
				MAX_ERROR_BODY_BYTES);
		return DataBufferUtils.join(start).map(ErrorResponses::text).defaultIfEmpty("");
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
