package io.github.cerebras4j.client.internal.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.github.cerebras4j.client.core.CerebrasJson;
import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.error.CerebrasApiException;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasMalformedResponseException;
import io.github.cerebras4j.client.error.CerebrasPoolTimeoutException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.observation.CerebrasObservationConvention;
import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.log.LogAccessor;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClientRequest;
import tools.jackson.core.JacksonException;

/**
 * Executes API calls over a {@link WebClient}: builds the URL and headers, sends the JSON body, maps an error
 * status to the typed exception, decodes a JSON body or a stream of server-sent events, retries as the
 * {@link RetryPolicy} says (a stream only until its first chunk reached the caller), and turns every transport
 * failure into a {@link CerebrasConnectionException} or {@link CerebrasTimeoutException}.
 *
 * <p>{@link #withOptions(RequestOptions)} returns a view with other options that shares everything else, the
 * connection pool included. The API key is never revealed: not in {@link #toString()}, not in logs, not in
 * exceptions (which are built from the response, and scrubbed of the key in case a server echoes it).
 */
public final class CerebrasHttpClient {

	private static final LogAccessor logger = new LogAccessor(CerebrasHttpClient.class);

	private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	/** The most of an error body read and kept: every real error fits, a hostile one is cut. */
	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	/** How long the body of a stream may take to end after {@code data: [DONE]} for its connection to be reused. */
	private static final Duration TAIL_GRACE = Duration.ofSeconds(1);

	private static final CerebrasObservationConvention DEFAULT_CONVENTION = new DefaultCerebrasObservationConvention();

	private final WebClient webClient;

	private final String apiKey;

	private final Settings settings;

	private final RequestOptions options;

	private final RetryLoop retryLoop;

	private final String serverAddress;

	/**
	 * Creates the transport.
	 * @param webClient the client that sends requests
	 * @param apiKey the API key sent as a bearer token
	 * @param settings everything else
	 */
	public CerebrasHttpClient(WebClient webClient, String apiKey, Settings settings) {
		this(webClient, apiKey, settings, RequestOptions.NONE);
	}

	private CerebrasHttpClient(WebClient webClient, String apiKey, Settings settings, RequestOptions options) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.hasText(apiKey, "'apiKey' must not be empty");
		Assert.notNull(settings, "'settings' must not be null");
		this.webClient = webClient;
		this.apiKey = apiKey;
		this.settings = settings;
		this.options = options;
		this.retryLoop = retryLoop(settings, options.maxRetries());
		this.serverAddress = String.valueOf(URI.create(settings.baseUrl()).getHost());
	}

	private static RetryLoop retryLoop(Settings settings, @Nullable Integer maxRetries) {
		RetryPolicy policy = settings.retryPolicy();
		Duration maxRetryAfter = CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER;
		if (policy instanceof CerebrasRetryPolicy ours) {
			maxRetryAfter = ours.maxRetryAfter();
			if (maxRetries != null) {
				return new RetryLoop(ours.withMaxRetries(maxRetries), null, maxRetryAfter, settings.retryListener());
			}
		}
		return new RetryLoop(policy, maxRetries, maxRetryAfter, settings.retryListener());
	}

	/**
	 * Returns a view of this transport with more options; it shares the connection pool and settings.
	 * @param more options applied on top of this view's own
	 * @return the view
	 */
	public CerebrasHttpClient withOptions(RequestOptions more) {
		Assert.notNull(more, "'options' must not be null");
		return new CerebrasHttpClient(this.webClient, this.apiKey, this.settings, this.options.merge(more));
	}

	/**
	 * Returns the options of this view.
	 * @return the options
	 */
	public RequestOptions options() {
		return this.options;
	}

	/**
	 * Returns the settings this transport was built with.
	 * @return the settings
	 */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * Returns the base URL requests go to.
	 * @return the base URL without a trailing slash
	 */
	public String baseUrl() {
		return this.settings.baseUrl();
	}

	/**
	 * Sends a call, retrying as the policy says, and decodes its JSON response.
	 * @param call the call
	 * @param responseType the type of the JSON response
	 * @param <T> the type of the JSON response
	 * @return the response with its status, headers and retries; errors are {@link CerebrasException}s
	 */
	public <T> Mono<RawResponse<T>> exchange(ApiCall call, Class<T> responseType) {
		Duration timeout = orDefault(this.options.responseTimeout(), this.settings.responseTimeout());
		Duration requested = this.options.deadline();
		Duration deadline = orDefault(requested, this.settings.nonStreamingDeadline());
		return Mono.defer(() -> {
			CallObservation observed = observe(call, false);
			AtomicInteger attempts = new AtomicInteger();
			Mono<RawResponse<T>> response = Mono
				.defer(() -> attempt(call, responseType, timeout, attempts.getAndIncrement()))
				.retryWhen(this.retryLoop.spec(call.name(), () -> true, observed.context()::onRetry))
				.doOnNext(raw -> {
					this.retryLoop.succeeded(call.name(), raw.retriesTaken(), raw);
					observed.context().onResponse(raw.metadata());
					if (raw.getBody() instanceof Generation generation) {
						observed.context().onGeneration(generation);
					}
				});
			response = ((requested != null) ? response.timeout(requested)
					: response.timeout(CoarseTimer.after(deadline))).onErrorMap(ex -> deadlineExceeded(ex, call, deadline));
			return response.doOnSuccess(raw -> observed.succeeded())
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observed.observation()));
		});
	}

	private <T> Mono<RawResponse<T>> attempt(ApiCall call, Class<T> type, Duration timeout, int retriesTaken) {
		return request(call, timeout)
			.exchangeToMono(response -> isSuccess(response) ? readJson(call, response, type, retriesTaken) : error(response))
			.onErrorMap(ex -> translate(ex, call));
	}

	/**
	 * Sends a call once, without retries, and discards the body of its response; for connection warm-up.
	 * @param call the call
	 * @return the response's status and headers; an error status is a {@link CerebrasApiException}
	 */
	public Mono<ResponseMetadata> ping(ApiCall call) {
		Duration timeout = orDefault(this.options.responseTimeout(), this.settings.responseTimeout());
		return request(call, timeout)
			.exchangeToMono(response -> isSuccess(response)
					? response.releaseBody().thenReturn(metadata(response, 0)) : this.<ResponseMetadata>error(response))
			.onErrorMap(ex -> translate(ex, call));
	}

	/**
	 * Sends a call whose response is a stream of server-sent events and decodes each event as it arrives. The
	 * request is sent on subscription and retried as the policy says until the first chunk reaches the caller,
	 * never after; a connection lost after that is a {@code CerebrasStreamInterruptedException}, a silence a
	 * {@link CerebrasTimeoutException}, each carrying the text and usage received. The stream completes at
	 * {@code data: [DONE]}, or at the end of a body whose last chunks finished a choice. Cancelling the subscription
	 * closes the exchange.
	 * @param call the call
	 * @param chunkType the type of each event's JSON
	 * @param onResponse told the status and headers when a successful response starts, before its first chunk
	 * @param <T> the chunk type
	 * @return the chunks; errors, in-stream ones included, are {@link CerebrasException}s
	 */
	public <T extends GenerationChunk> Flux<T> stream(ApiCall call, Class<T> chunkType,
			Consumer<ResponseMetadata> onResponse) {
		Duration idleTimeout = orDefault(this.options.streamIdleTimeout(), this.settings.streamIdleTimeout());
		Duration deadline = this.options.deadline();
		return Flux.defer(() -> {
			CallObservation observed = observe(call, true);
			StreamProgress progress = new StreamProgress(this.settings.maxPartialText());
			AtomicInteger attempts = new AtomicInteger();
			Consumer<ResponseMetadata> responded = metadata -> {
				this.retryLoop.succeeded(call.name(), metadata.retriesTaken(), metadata);
				observed.context().onResponse(metadata);
				onResponse.accept(metadata);
			};
			Flux<T> chunks = Flux
				.defer(() -> streamAttempt(call, chunkType, idleTimeout, attempts.getAndIncrement(), responded))
				.retryWhen(this.retryLoop.spec(call.name(), progress::nothingDelivered, observed.context()::onRetry));
			if (deadline != null) {
				chunks = withDeadline(chunks, deadline, call);
			}
			chunks = chunks.doOnNext(chunk -> {
				progress.record(chunk);
				observed.context().onChunk(chunk);
			}).onErrorMap(progress::interrupted);
			return chunks.doOnComplete(observed::succeeded)
				.doOnError(observed::failed)
				.doOnCancel(observed::cancelled)
				.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, observed.observation()));
		});
	}

	/**
	 * Fails the stream with a timeout once the deadline passes; a stream that ends before stops the timer. The error
	 * goes through the stream's progress, so a deadline after the first chunk reports what was received.
	 */
	private static <T> Flux<T> withDeadline(Flux<T> chunks, Duration deadline, ApiCall call) {
		Sinks.Empty<Void> ended = Sinks.empty();
		Mono<T> timer = Mono.delay(deadline)
			.<T>flatMap(tick -> Mono.error(deadlineExceeded(call, deadline, null)))
			.takeUntilOther(ended.asMono());
		return chunks.doOnTerminate(ended::tryEmitEmpty).mergeWith(timer);
	}

	private CallObservation observe(ApiCall call, boolean streaming) {
		CerebrasObservationContext context = new CerebrasObservationContext(call.operation(), call.model(), streaming,
				this.serverAddress);
		return new CallObservation(CerebrasObservationDocumentation.CLIENT_OPERATION.observation(
				this.settings.observationConvention(), DEFAULT_CONVENTION, () -> context,
				this.settings.observationRegistry()), context, call.name());
	}

	private <T extends GenerationChunk> Flux<T> streamAttempt(ApiCall call, Class<T> chunkType, Duration idleTimeout,
			int retriesTaken, Consumer<ResponseMetadata> onResponse) {
		return request(call, idleTimeout).exchangeToFlux(response -> {
			if (!isSuccess(response)) {
				return this.<T>error(response).flux();
			}
			if (!isEventStream(response)) {
				return this.<T>notAnEventStream(response).flux();
			}
			// announce the response with its first chunk (or its clean end), so that the metadata the caller gets
			// always belongs to the attempt whose chunks it gets, never to one that failed before its first chunk
			ResponseMetadata metadata = metadata(response, retriesTaken);
			boolean[] announced = new boolean[1];
			Runnable announce = () -> {
				if (!announced[0]) {
					announced[0] = true;
					onResponse.accept(metadata);
				}
			};
			return readEvents(response, chunkType, this::scrub).doOnNext(chunk -> announce.run()).doOnComplete(announce);
		}).onErrorMap(ex -> translate(ex, call));
	}

	private WebClient.RequestHeadersSpec<?> request(ApiCall call, Duration readTimeout) {
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(uri(call))
			.headers(headers -> headers(headers, call))
			.httpRequest(request -> {
				// the key is added to the outgoing request only, after WebClient's filters and its request logging
				// (spring.codec.log-request-details), which therefore never see it
				request.getHeaders().setBearerAuth(this.apiKey);
				readTimeout(request, readTimeout);
			});
		byte[] body = call.body();
		if (body == null) {
			return spec;
		}
		return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private void headers(HttpHeaders headers, ApiCall call) {
		headers.putAll(this.settings.defaultHeaders());
		headers.putAll(call.headers());
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
		StringBuilder uri = new StringBuilder(this.settings.baseUrl()).append(call.path());
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

	private static boolean isSuccess(ClientResponse response) {
		return response.statusCode().is2xxSuccessful();
	}

	private static ResponseMetadata metadata(ClientResponse response, int retriesTaken) {
		return new ResponseMetadata(response.statusCode(), response.headers().asHttpHeaders(), retriesTaken);
	}

	private <T> Mono<RawResponse<T>> readJson(ApiCall call, ClientResponse response, Class<T> type,
			int retriesTaken) {
		ResponseMetadata metadata = metadata(response, retriesTaken);
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

	private <T extends GenerationChunk> Flux<T> readEvents(ClientResponse response, Class<T> chunkType,
			UnaryOperator<String> scrubber) {
		StreamChunkDecoder<T> decoder = new StreamChunkDecoder<>(chunkType, response.headers().asHttpHeaders(),
				this.settings.maxEventBytes(), scrubber);
		// Each buffer reaches the decoder, which releases it, or is released if dropped before (BodyPart). A failure
		// of the body travels as an element behind the buffers before it (concatMapIterable drops what it holds for a
		// slow reader when an error signal reaches it). The stream completes at data: [DONE] without waiting for the
		// body to end; the body then finishes in the background so that its connection can be reused.
		Flux<DataBuffer> body = new DrainingBody(response.body(BodyExtractors.toDataBuffers()), decoder::receivedDone,
				TAIL_GRACE);
		return body.map(BodyPart::of)
			.onErrorResume(failure -> Mono.just(BodyPart.failed(failure)))
			.concatWith(Mono.fromSupplier(BodyPart::end))
			.concatMapIterable(part -> part.decode(decoder))
			.takeWhile(item -> item != BodyPart.END)
			.cast(chunkType)
			.doOnDiscard(BodyPart.class, BodyPart::release);
	}

	private static boolean isEventStream(ClientResponse response) {
		return response.headers().contentType().filter(MediaType.TEXT_EVENT_STREAM::isCompatibleWith).isPresent();
	}

	private <T> Mono<T> notAnEventStream(ClientResponse response) {
		String contentType = response.headers().contentType().map(MediaType::toString).orElse("none");
		return errorBody(response).flatMap(body -> Mono.error(new CerebrasMalformedResponseException(
				"A streaming call was answered with status " + response.statusCode().value() + " and content type "
						+ contentType + " instead of text/event-stream", scrub(body), null)));
	}

	private <T> Mono<T> error(ClientResponse response) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		return errorBody(response).flatMap(body -> Mono.error(CerebrasApiException.of(status, headers, scrub(body))));
	}

	/**
	 * Reads at most {@link #MAX_ERROR_BODY_BYTES} of a body that is not the answer; a longer body is cut there, and
	 * the rest is not read (the connection is closed). The bytes are read here rather than by a codec, which would
	 * log the body at DEBUG, and a server may echo the key in it.
	 */
	private static Mono<String> errorBody(ClientResponse response) {
		Flux<DataBuffer> excerpt = DataBufferUtils.takeUntilByteCount(response.body(BodyExtractors.toDataBuffers()),
				MAX_ERROR_BODY_BYTES);
		return DataBufferUtils.join(excerpt).map(CerebrasHttpClient::text).defaultIfEmpty("");
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
		String reason = scrub(rootMessage(ex));
		if (isPoolAcquireTimeout(ex)) {
			logger.debug(() -> "No pooled connection: " + call.name() + ": " + reason);
			return new CerebrasPoolTimeoutException("No connection of the pool became free in time: " + call.name()
					+ ": " + reason, ex);
		}
		if (isTimeout(ex)) {
			logger.debug(() -> "Timed out: " + call.name() + ": " + reason);
			return new CerebrasTimeoutException("Request timed out: " + call.name() + ": " + reason, ex);
		}
		logger.debug(() -> "Connection error: " + call.name() + ": " + reason);
		return new CerebrasConnectionException("Connection error: " + call.name() + ": " + reason, ex);
	}

	private static Throwable deadlineExceeded(Throwable ex, ApiCall call, Duration deadline) {
		return (ex instanceof java.util.concurrent.TimeoutException) ? deadlineExceeded(call, deadline, ex) : ex;
	}

	private static CerebrasTimeoutException deadlineExceeded(ApiCall call, Duration deadline, @Nullable Throwable cause) {
		return new CerebrasTimeoutException("Deadline of " + deadline.toMillis() + " ms exceeded: " + call.name(), cause);
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

	private static boolean isPoolAcquireTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// Reactor Netty shades reactor-pool, so the class is matched by its simple name
			if (t.getClass().getSimpleName().equals("PoolAcquireTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isTimeout(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			// Netty's read and write timeouts, its connect timeout, and Reactor's timeout() (the deadline)
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

	private static Duration orDefault(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public String toString() {
		return "CerebrasHttpClient[baseUrl=" + this.settings.baseUrl() + ", options=" + this.options + "]";
	}

	/**
	 * What the transport is built with, besides the client and the key.
	 *
	 * @param baseUrl the API's base URL without a trailing slash, for example {@code https://api.cerebras.ai}
	 * @param defaultHeaders headers sent on every request (the client's own and the application's)
	 * @param responseTimeout the longest wait for a response without receiving any data
	 * @param streamIdleTimeout the longest silence inside a stream, and before its first data
	 * @param retryPolicy what is retried and with which backoff
	 * @param retryListener told of every retry, or {@code null}
	 * @param warmUpConnections how many connections a warm-up opens
	 * @param observationRegistry where calls are observed; {@link ObservationRegistry#NOOP} for not at all
	 * @param observationConvention names and tags of the observations, or {@code null} for the default
	 * @param nonStreamingDeadline the longest a call that is not a stream may take in all, retries included, when
	 * its options set no deadline
	 * @param maxEventBytes the most bytes a line or an event of a stream may have
	 * @param maxPartialText the most characters of a stream's text kept to report when it fails
	 */
	public record Settings(String baseUrl, HttpHeaders defaultHeaders, Duration responseTimeout,
			Duration streamIdleTimeout, RetryPolicy retryPolicy, @Nullable RetryListener retryListener,
			int warmUpConnections, ObservationRegistry observationRegistry,
			@Nullable CerebrasObservationConvention observationConvention, Duration nonStreamingDeadline,
			int maxEventBytes, int maxPartialText) {

		public Settings {
			Assert.hasText(baseUrl, "'baseUrl' must not be empty");
			defaultHeaders = HttpHeaders.readOnlyHttpHeaders(defaultHeaders);
			Assert.notNull(responseTimeout, "'responseTimeout' must not be null");
			Assert.notNull(streamIdleTimeout, "'streamIdleTimeout' must not be null");
			Assert.notNull(retryPolicy, "'retryPolicy' must not be null");
			Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
			Assert.notNull(nonStreamingDeadline, "'nonStreamingDeadline' must not be null");
			Assert.isTrue(maxEventBytes > 0, "'maxEventBytes' must be positive");
			Assert.isTrue(maxPartialText >= 0, "'maxPartialText' must not be negative");
		}

	}

}
