package io.github.cerebras4j.client.internal.transport;

import java.nio.charset.StandardCharsets;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * The decoding stage of a call answered with one JSON document: joins the body (at most {@link #MAX_BODY_BYTES}) and
 * reads it with the client's mapper. A body that is empty or not the JSON expected is a
 * {@link CerebrasMalformedResponseException} carrying the text received.
 */
final class JsonBodies {

	static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	private JsonBodies() {
	}

	/**
	 * Reads the body of a successful response.
	 * @param call the call answered
	 * @param response the response
	 * @param metadata the response's status and headers
	 * @param type the type of the JSON
	 * @param <T> the type of the JSON
	 * @return the response with its decoded body
	 */
	static <T> Mono<RawResponse<T>> read(ApiCall call, ClientResponse response, ResponseMetadata metadata,
			Class<T> type) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
			.map(buffer -> new RawResponse<>(decode(call, buffer, type), metadata))
			.switchIfEmpty(Mono.error(() -> new CerebrasMalformedResponseException(
					"The response to a call that returns JSON has an empty body", "", null)));
	}

	private static <T> T decode(ApiCall call, DataBuffer buffer, Class<T> type) {
		if (WireLog.isTraceEnabled()) {
			WireLog.responseBody(call, buffer.toString(buffer.readPosition(), buffer.readableByteCount(),
					StandardCharsets.UTF_8));
		}
		try {
			T value = CerebrasJson.mapper().readValue(buffer.asInputStream(), type);
			if (value == null) {
				throw new CerebrasMalformedResponseException("The response body is JSON null, not the JSON expected",
						"null", null);
			}
			return value;
		}
		catch (JacksonException ex) {
			buffer.readPosition(0);
			throw new CerebrasMalformedResponseException("The response body is not the JSON expected",
					buffer.toString(StandardCharsets.UTF_8), ex);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
