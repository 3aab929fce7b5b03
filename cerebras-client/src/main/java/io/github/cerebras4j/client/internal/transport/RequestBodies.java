package io.github.cerebras4j.client.internal.transport;

import java.util.Map;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.CerebrasRequest;
import io.github.cerebras4j.client.core.StreamOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a generation request into the JSON body that goes on the wire: typed fields, then {@code stream}, then
 * {@link CerebrasRequest#extraBody()}, which wins on a clash.
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

}
