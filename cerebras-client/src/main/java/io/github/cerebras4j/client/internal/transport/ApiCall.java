package io.github.cerebras4j.client.internal.transport;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One call to the API as the transport sees it: method, path under the base URL, query, the JSON body already
 * written, and what the call is for observation.
 *
 * @param method the HTTP method
 * @param path the path under the base URL, for example {@code /v1/chat/completions}, already encoded
 * @param query query parameters, sent in this order
 * @param body the JSON body, or {@code null} for a GET
 * @param operation the operation observed, for example {@code chat}
 * @param model the model the call is about, or {@code null}
 * @param generates whether the call generates tokens, and so is throttled when the client throttles
 * @param maxOutputTokens the most tokens the call lets the model generate, or {@code null} when it sets none
 */
public record ApiCall(HttpMethod method, String path, Map<String, String> query,
		byte @Nullable [] body, String operation, @Nullable String model, boolean generates,
		@Nullable Integer maxOutputTokens) {

	/**
	 * Creates a call that generates nothing.
	 * @param method the HTTP method
	 * @param path the path under the base URL, already encoded
	 * @param query query parameters, sent in this order
	 * @param body the JSON body, or {@code null} for a GET
	 * @param operation the operation observed
	 * @param model the model the call is about, or {@code null}
	 */
	public ApiCall(HttpMethod method, String path, Map<String, String> query, byte @Nullable [] body,
			String operation, @Nullable String model) {
		this(method, path, query, body, operation, model, false, null);
	}

	/**
	 * Names the call for logs and messages, for example {@code POST /v1/chat/completions}.
	 * @return the method and path
	 */
	public String name() {
		return this.method + " " + this.path;
	}

}
