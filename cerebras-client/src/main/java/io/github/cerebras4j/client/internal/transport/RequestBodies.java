package io.github.cerebras4j.client.internal.transport;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.StreamOptions;
import io.github.cerebras4j.client.internal.HeaderChecks;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a generation request into what goes on the wire: the compact JSON body (typed fields, then
 * {@code stream}, then {@link CerebrasRequest#extraBody()}, which wins on a clash) and the optional header
 * parameters.
 */
public final class RequestBodies {

	private RequestBodies() {
	}

	/**
	 * Writes the JSON body of a request. A streamed request gets {@code "stream": true} and, unless the caller
	 * set {@code stream_options}, {@code "stream_options": {"include_usage": true}} so that the final chunk
	 * carries token usage. The request's extra body fields come next, then the options' ones; the later win.
	 * @param request the request
	 * @param stream whether the response is to be streamed
	 * @param optionsExtraBody extra body fields of the per-request options
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] json(CerebrasRequest request, boolean stream, Map<String, @Nullable Object> optionsExtraBody) {
		Map<String, @Nullable Object> extraBody = request.extraBody();
		if (!stream && extraBody.isEmpty() && optionsExtraBody.isEmpty()) {
			return CerebrasJson.mapper().writeValueAsBytes(request);
		}
		ObjectNode body = CerebrasJson.mapper().valueToTree(request);
		if (stream) {
			body.put("stream", true);
			if (request.streamOptions() == null) {
				body.set("stream_options", CerebrasJson.mapper().valueToTree(StreamOptions.withUsage()));
			}
		}
		extraBody.forEach((name, value) -> body.set(name, CerebrasJson.mapper().valueToTree(value)));
		optionsExtraBody.forEach((name, value) -> body.set(name, CerebrasJson.mapper().valueToTree(value)));
		return CerebrasJson.mapper().writeValueAsBytes(body);
	}

	/**
	 * Returns the optional header parameters of a request ({@code CF-RAY}, {@code X-Amz-Cf-Id},
	 * {@code X-delay-time}) as headers; only those that are set.
	 * @param request the request
	 * @return the headers, possibly empty
	 */
	public static HttpHeaders headers(CerebrasRequest request) {
		return headerParams(request.cfRay(), request.amzCfId(), request.delayTime());
	}

	/**
	 * Returns the optional header parameters as headers; only those that are set. The values are checked here too,
	 * for a {@link CerebrasRequest} that was not made by this library's builders.
	 * @param cfRay the {@code CF-RAY} value, or {@code null}
	 * @param amzCfId the {@code X-Amz-Cf-Id} value, or {@code null}
	 * @param delayTime the {@code X-delay-time} value, or {@code null}
	 * @return the headers, possibly empty
	 * @throws IllegalArgumentException if a value holds CR, LF or NUL
	 */
	public static HttpHeaders headerParams(@Nullable String cfRay, @Nullable String amzCfId,
			@Nullable Double delayTime) {
		if (cfRay == null && amzCfId == null && delayTime == null) {
			return HttpHeaders.EMPTY;
		}
		HttpHeaders headers = new HttpHeaders();
		if (cfRay != null) {
			headers.set("CF-RAY", HeaderChecks.value("CF-RAY", cfRay));
		}
		if (amzCfId != null) {
			headers.set("X-Amz-Cf-Id", HeaderChecks.value("X-Amz-Cf-Id", amzCfId));
		}
		if (delayTime != null) {
			headers.set("X-delay-time", delayTime.toString());
		}
		return headers;
	}

}
