package io.github.cerebras4j.client.http;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.github.cerebras4j.client.ApiObject;
import io.github.cerebras4j.client.CerebrasJson;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.core.JacksonException;

/**
 * Executes API calls over a {@link WebClient}: builds the URL and headers, sends the JSON body, maps an error
 * status to the typed exception, decodes a JSON body or a stream of server-sent events, and turns every
 * transport failure into a {@link CerebrasConnectionException} or {@link CerebrasTimeoutException}. Holds the
 * API key and never reveals it: not in {@link #toString()}, not in logs, not in exceptions (which are built from
 * the response, and scrubbed of the key in case a server echoes it).
 */
public final class CerebrasHttpClient {

	private static final LogAccessor logger = new LogAccessor(CerebrasHttpClient.class);

	private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	private final WebClient webClient;

	private final String baseUrl;

	private final String apiKey;

	private final Duration responseTimeout;

	private final Duration streamIdleTimeout;

	/**
	 * Creates the transport.
	 * @param webClient the client that sends requests; its default headers are sent on every request
	 * @param baseUrl the API's base URL without a trailing slash, for example {@code https://api.cerebras.ai}
	 * @param apiKey the API key sent as a bearer token
	 * @param responseTimeout the longest wait for a response without receiving any data
	 * @param streamIdleTimeout the longest silence inside a stream, and before its first data
	 */
	public CerebrasHttpClient(WebClient webClient, String baseUrl, String apiKey, Duration responseTimeout,
			Duration streamIdleTimeout) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.hasText(baseUrl, "'baseUrl' must not be empty");
		Assert.hasText(apiKey, "'apiKey' must not be empty");
		this.webClient = webClient;
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.responseTimeout = positive(responseTimeout, "responseTimeout");
		this.streamIdleTimeout = positive(streamIdleTimeout, "streamIdleTimeout");
	}

	/**
	 * Returns the base URL requests go to.
	 * @return the base URL without a trailing slash
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Sends a call and decodes its JSON response.
	 * @param call the call
	 * @param responseType the type of the JSON response
	 * @param <T> the type of the JSON response
	 * @return the response with its status and headers; errors are {@link CerebrasException}s
	 */
	public <T> Mono<ResponseEntity<T>> exchange(ApiCall call, Class<T> responseType) {
		return request(call, this.responseTimeout)
			.exchangeToMono(response -> isSuccess(response) ? readJson(response, responseType) : error(response))
			.onErrorMap(ex -> translate(ex, call));
	}

	/**
	 * Sends a call whose response is a stream of server-sent events and decodes each event as it arrives. The
	 * request is sent on subscription; cancelling the subscription closes the exchange.
	 * @param call the call
	 * @param chunkType the type of each event's JSON
	 * @param <T> the chunk type
	 * @return the chunks; errors, in-stream ones included, are {@link CerebrasException}s
	 */
	public <T extends ApiObject> Flux<T> stream(ApiCall call, Class<T> chunkType) {
		return request(call, this.streamIdleTimeout)
			.exchangeToFlux(response -> isSuccess(response) ? readEvents(response, chunkType) : this.<T>error(response).flux())
			.onErrorMap(ex -> translate(ex, call));
	}

	private WebClient.RequestHeadersSpec<?> request(ApiCall call, Duration readTimeout) {
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(uri(call))
			.headers(headers -> {
				headers.setBearerAuth(this.apiKey);
				headers.addAll(call.headers());
			})
			.httpRequest(request -> readTimeout(request, readTimeout));
		byte[] body = call.body();
		if (body == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private URI uri(ApiCall call) {
		StringBuilder uri = new StringBuilder(this.baseUrl).append(call.path());
		char separator = '?';
		for (Map.Entry<String, String> parameter : call.query().entrySet()) {
			uri.append(separator)
				.append(UriUtils.encodeQueryParam(parameter.getKey(), StandardCharsets.UTF_8))
				.append('=')
				.append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

	private static void readTimeout(ClientHttpRequest request, Duration timeout) {
		// Reactor Netty's read timeout runs from sending the request to each read: it bounds the wait for the
		// headers and every silence in the body at no cost per chunk.
		Object nativeRequest = request.getNativeRequest();
		if (nativeRequest instanceof HttpClientRequest reactorRequest) {
			reactorRequest.responseTimeout(timeout);
		}
	}

	private static boolean isSuccess(ClientResponse response) {
		return response.statusCode().is2xxSuccessful();
	}

	private <T> Mono<ResponseEntity<T>> readJson(ClientResponse response, Class<T> type) {
		HttpHeaders headers = response.headers().asHttpHeaders();
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
			.map(buffer -> ResponseEntity.status(response.statusCode()).headers(headers).body(decode(buffer, type)))
			.switchIfEmpty(Mono.error(() -> new CerebrasMalformedResponseException(
					"The response to a call that returns JSON has an empty body", "", null)));
	}

	private static <T> T decode(DataBuffer buffer, Class<T> type) {
		try {
			return CerebrasJson.mapper().readValue(buffer.asInputStream(), type);
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

	private static <T extends ApiObject> Flux<T> readEvents(ClientResponse response, Class<T> chunkType) {
		StreamChunkDecoder<T> decoder = new StreamChunkDecoder<>(chunkType, response.headers().asHttpHeaders());
		return response.body(BodyExtractors.toDataBuffers())
			.concatMapIterable(decoder::decode)
			.concatWith(Mono.fromRunnable(decoder::finish))
			.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
	}

	private <T> Mono<T> error(ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		// read the bytes ourselves: a codec would log the body at DEBUG, and a server may echo the key in it
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
			.map(CerebrasHttpClient::text)
			.defaultIfEmpty("")
			.flatMap(body -> Mono.error(CerebrasApiException.of(status, headers, scrub(body))));
	}

	private static String text(DataBuffer buffer) {
		try {
			return buffer.toString(StandardCharsets.UTF_8);
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private String scrub(String text) {
		return text.replace(this.apiKey, "[REDACTED]");
	}

	private Throwable translate(Throwable ex, ApiCall call) {
		if (ex instanceof CerebrasException || !isTransportFailure(ex)) {
			return ex;
		}
		if (ex instanceof DataBufferLimitException) {
			return new CerebrasMalformedResponseException(
					"The response body is larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB", null, ex);
		}
		String what = call.method() + " " + call.path();
		String reason = scrub(rootMessage(ex));
		if (isTimeout(ex)) {
			logger.debug(() -> "Timed out: " + what + ": " + reason);
			return new CerebrasTimeoutException("Request timed out: " + what + ": " + reason, ex);
		}
		logger.debug(() -> "Connection error: " + what + ": " + reason);
		return new CerebrasConnectionException("Connection error: " + what + ": " + reason, ex);
	}

	private static boolean isTransportFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof WebClientException || t instanceof IOException || t instanceof ChannelException
					|| t instanceof java.util.concurrent.TimeoutException || t instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// Netty's read and write timeouts, its connect timeout, and pool acquisition timeouts
			if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
					|| t instanceof java.util.concurrent.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return (message != null) ? message : root.getClass().getSimpleName();
	}

	private static Duration positive(Duration duration, String name) {
		Assert.isTrue(duration != null && !duration.isNegative() && !duration.isZero(),
				() -> "'" + name + "' must be positive");
		return duration;
	}

	@Override
	public String toString() {
		return "CerebrasHttpClient[baseUrl=" + this.baseUrl + "]";
	}

}
