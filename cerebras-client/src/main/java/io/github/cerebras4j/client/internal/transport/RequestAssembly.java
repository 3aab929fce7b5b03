package io.github.cerebras4j.client.internal.transport;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.cerebras4j.client.core.RequestOptions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.netty.http.client.HttpClientRequest;

/**
 * The first stage of a call: turns an {@link ApiCall} into a WebClient request with its URI (base URL, path and
 * encoded query), its headers (the client's defaults, then the options', which win), the API key
 * and the read timeout.
 */
final class RequestAssembly {

	private final WebClient webClient;

	private final Secret apiKey;

	private final String baseUrl;

	private final HttpHeaders defaultHeaders;

	private final RequestOptions options;

	RequestAssembly(WebClient webClient, Secret apiKey, String baseUrl, HttpHeaders defaultHeaders,
			RequestOptions options) {
		this.webClient = webClient;
		this.apiKey = apiKey;
		this.baseUrl = baseUrl;
		this.defaultHeaders = defaultHeaders;
		this.options = options;
	}

	/**
	 * Returns the request of a call, ready to be exchanged.
	 * @param call the call
	 * @param readTimeout the longest wait for the response's headers and, for a stream, between two reads
	 * @return the request
	 */
	WebClient.RequestHeadersSpec<?> request(ApiCall call, Duration readTimeout) {
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(uri(call))
			.headers(headers -> headers(headers, call))
			.httpRequest(request -> {
				// the key is added to the outgoing request only, after WebClient's filters and its request logging
				// (spring.codec.log-request-details), which therefore never see it
				request.getHeaders().setBearerAuth(this.apiKey.value());
				readTimeout(request, readTimeout);
			});
		byte[] body = call.body();
		if (body == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private void headers(HttpHeaders headers, ApiCall call) {
		headers.putAll(this.defaultHeaders);
		headers.putAll(this.options.headers());
		this.options.removedHeaders().forEach(headers::remove);
		WireLog.request(call, headers);
	}

	private URI uri(ApiCall call) {
		Map<String, String> query = call.query();
		if (!this.options.query().isEmpty()) {
			query = new LinkedHashMap<>(query);
			query.putAll(this.options.query());
		}
		StringBuilder uri = new StringBuilder(this.baseUrl).append(call.path());
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator).append(queryPart(parameter.getKey())).append('=').append(queryPart(parameter.getValue()));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

	private static String queryPart(String text) {
		// servers read a literal '+' in a query as a space
		return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8).replace("+", "%2B");
	}

	private static void readTimeout(ClientHttpRequest request, Duration timeout) {
		// Reactor Netty's read timeout runs from sending the request to each read: it bounds the wait for the
		// headers and every silence in the body at no cost per chunk.
		Object nativeRequest = request.getNativeRequest();
		if (nativeRequest instanceof HttpClientRequest reactorRequest) {
			reactorRequest.responseTimeout(timeout);
		}
	}

}
