package io.github.cerebras4j.client.internal.transport;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.RequestOptions;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.core.Usage;
import io.github.cerebras4j.client.error.CerebrasConnectionException;
import io.github.cerebras4j.client.error.CerebrasException;
import io.github.cerebras4j.client.error.CerebrasTimeoutException;
import io.github.cerebras4j.client.observation.CerebrasObservationConvention;
import io.github.cerebras4j.client.retry.CerebrasRetryPolicy;
import io.github.cerebras4j.client.throttle.ThrottleSettings;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Executes API calls over a {@link WebClient}, in stages: {@link RequestAssembly} builds the request, the exchange's
 * failures become typed exceptions ({@link ErrorResponses}, {@link TransportFailures}), {@link JsonBodies} or
 * {@link EventStreams} decode the answer, and {@link CallPolicy} wraps the attempts in retries, the deadline and the
 * observation. Every failure is a {@link CerebrasException}; a transport one a {@link CerebrasConnectionException} or
 * {@link CerebrasTimeoutException}.
 *
 * <p>{@link #withOptions(RequestOptions)} returns a view with other options that shares everything else, the
 * connection pool included. The API key is never revealed: not in {@link #toString()}, not in logs, not in
 * exceptions (which are built from the response, and scrubbed of the key in case a server echoes it).
 *
 * <p>Internal: applications use the templates.
 */
public final class Transport {

	private final WebClient webClient;

	private final Secret apiKey;

	private final Settings settings;

	private final RequestOptions options;

	private final RequestAssembly requests;

	private final ErrorResponses errors;

	private final TransportFailures failures;

	private final CallPolicy policy;

	private final @Nullable Throttle throttle;

	/**
	 * Creates the transport.
	 * @param webClient the client that sends requests
	 * @param apiKey the API key sent as a bearer token
	 * @param settings everything else
	 */
	public Transport(WebClient webClient, String apiKey, Settings settings) {
		this(webClient, new Secret(apiKey), settings, RequestOptions.NONE, throttle(settings));
	}

	private Transport(WebClient webClient, Secret apiKey, Settings settings, RequestOptions options,
			@Nullable Throttle throttle) {
		Assert.notNull(webClient, "'webClient' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		this.webClient = webClient;
		this.apiKey = apiKey;
		this.settings = settings;
		this.options = options;
		this.requests = new RequestAssembly(webClient, apiKey, settings.baseUrl(), settings.defaultHeaders(), options);
		this.errors = new ErrorResponses(apiKey);
		this.failures = new TransportFailures(apiKey);
		this.policy = new CallPolicy(retryLoop(settings, options.maxRetries()), settings.observationRegistry(),
				settings.observationConvention(), String.valueOf(URI.create(settings.baseUrl()).getHost()),
				options.deadline(), settings.nonStreamingDeadline(), settings.maxPartialText());
		this.throttle = throttle;
	}

	private static @Nullable Throttle throttle(Settings settings) {
		ThrottleSettings throttle = settings.throttle();
		return (throttle != null) ? new Throttle(throttle, settings.observationRegistry()) : null;
	}

	private static RetryLoop retryLoop(Settings settings, @Nullable Integer maxRetries) {
		RetryPolicy policy = settings.retryPolicy();
		if (policy instanceof CerebrasRetryPolicy ours) {
			if (maxRetries != null) {
				return new RetryLoop(ours.withMaxRetries(maxRetries), null, ours.maxRetryAfter(), settings.retryListener());
			}
			return new RetryLoop(ours, null, ours.maxRetryAfter(), settings.retryListener());
		}
		return new RetryLoop(policy, maxRetries, CerebrasRetryPolicy.DEFAULT_MAX_RETRY_AFTER, settings.retryListener());
	}

	/**
	 * Returns a view of this transport with more options; it shares the connection pool and settings.
	 * @param more options applied on top of this view's own
	 * @return the view
	 */
	public Transport withOptions(RequestOptions more) {
		Assert.notNull(more, "'options' must not be null");
		return new Transport(this.webClient, this.apiKey, this.settings, this.options.merge(more), this.throttle);
	}

	/**
	 * Returns the options of this view.
	 * @return the options
	 */
	public RequestOptions options() {
		return this.options;
	}

	/**
	 * Returns where calls are observed.
	 * @return the registry, {@link ObservationRegistry#NOOP} when calls are not observed
	 */
	public ObservationRegistry observationRegistry() {
		return this.settings.observationRegistry();
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
		Throttle throttle = this.throttle;
		if (throttle == null || !call.generates()) {
			return this.policy.exchange(call, retriesTaken -> this.requests.request(call, timeout)
				.exchangeToMono(response -> ErrorResponses.isSuccess(response)
						? JsonBodies.read(call, response, metadata(response, retriesTaken), responseType)
						: this.errors.<RawResponse<T>>error(response))
				.onErrorMap(ex -> this.failures.translate(ex, call)));
		}
		return this.policy.exchange(call, retriesTaken -> throttle.admit(call)
			.flatMap(reserved -> this.requests.request(call, timeout).exchangeToMono(response -> {
				throttle.update(call, response.headers().asHttpHeaders());
				return ErrorResponses.isSuccess(response)
						? JsonBodies.read(call, response, metadata(response, retriesTaken), responseType)
						: this.errors.<RawResponse<T>>error(response);
			})
				.doOnNext(raw -> throttle.settle(call, reserved,
						(raw.getBody() instanceof Generation generation) ? generation.usage() : null))
				.onErrorMap(ex -> this.failures.translate(ex, call))));
	}

	/**
	 * Sends a call whose response is a stream of server-sent events and decodes each event as it arrives. The
	 * request is sent on subscription and retried as the policy says until the first chunk reaches the caller,
	 * never after; a connection lost after that is a {@code CerebrasStreamInterruptedException}, a silence a
	 * {@link CerebrasTimeoutException}, each carrying the text and usage received. The chunks complete at
	 * {@code data: [DONE]}, or at the end of a body whose last chunks finished a choice. Cancelling them closes the
	 * exchange; not subscribing to them within the grace period closes it too.
	 * @param call the call
	 * @param chunkType the type of each event's JSON
	 * @param gracePeriod how long the chunks wait for their subscriber once the response is emitted, or {@code null}
	 * for a caller that subscribes to them as soon as it has the response
	 * @param <K> the chunk type
	 * @return the response, emitted with its first chunk; errors, in-stream ones included, are
	 * {@link CerebrasException}s
	 */
	public <K extends GenerationChunk> Mono<StreamResponse<K>> stream(ApiCall call, Class<K> chunkType,
			@Nullable Duration gracePeriod) {
		Duration idleTimeout = orDefault(this.options.streamIdleTimeout(), this.settings.streamIdleTimeout());
		Throttle throttle = this.throttle;
		if (throttle == null || !call.generates()) {
			return this.policy.stream(call, (retriesTaken, onResponse) -> this.requests.request(call, idleTimeout)
				.exchangeToFlux(response -> streamOf(response, chunkType, retriesTaken, onResponse))
				.onErrorMap(ex -> this.failures.translate(ex, call)), gracePeriod);
		}
		return this.policy.stream(call, (retriesTaken, onResponse) -> throttle.admit(call).flatMapMany(reserved -> {
			AtomicReference<@Nullable Usage> usage = new AtomicReference<>();
			return this.requests.request(call, idleTimeout).exchangeToFlux(response -> {
				throttle.update(call, response.headers().asHttpHeaders());
				return streamOf(response, chunkType, retriesTaken, onResponse);
			}).doOnNext(chunk -> {
				if (chunk.usage() != null) {
					usage.set(chunk.usage());
				}
			}).doOnComplete(() -> throttle.settle(call, reserved, usage.get()))
				.onErrorMap(ex -> this.failures.translate(ex, call));
		}), gracePeriod);
	}

	private <K extends GenerationChunk> Flux<K> streamOf(ClientResponse response, Class<K> chunkType,
			int retriesTaken, Consumer<ResponseMetadata> onResponse) {
		if (!ErrorResponses.isSuccess(response)) {
			return this.errors.<K>error(response).flux();
		}
		if (!ErrorResponses.isEventStream(response)) {
			return this.errors.<K>notAnEventStream(response).flux();
		}
		onResponse.accept(metadata(response, retriesTaken));
		return EventStreams.read(response, chunkType, this.settings.maxEventBytes(), this.apiKey::scrub);
	}

	/**
	 * Sends a call once, without retries or observation, and discards the body of its response; for connection
	 * warm-up.
	 * @param call the call
	 * @return the response's status and headers; an error status is a {@code CerebrasApiException}
	 */
	public Mono<ResponseMetadata> ping(ApiCall call) {
		Duration timeout = orDefault(this.options.responseTimeout(), this.settings.responseTimeout());
		return this.requests.request(call, timeout)
			.exchangeToMono(response -> ErrorResponses.isSuccess(response)
					? response.releaseBody().thenReturn(metadata(response, 0))
					: this.errors.<ResponseMetadata>error(response))
			.onErrorMap(ex -> this.failures.translate(ex, call));
	}

	private static ResponseMetadata metadata(ClientResponse response, int retriesTaken) {
		return new ResponseMetadata(response.statusCode(), response.headers().asHttpHeaders(), retriesTaken);
	}

	private static Duration orDefault(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	@Override
	public String toString() {
		return "Transport[baseUrl=" + this.settings.baseUrl() + ", options=" + this.options + "]";
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
	 * @param observationRegistry where calls are observed; {@link ObservationRegistry#NOOP} for not at all
	 * @param observationConvention names and tags of the observations, or {@code null} for the default
	 * @param nonStreamingDeadline the longest a call that is not a stream may take in all, retries included, when
	 * its options set no deadline
	 * @param maxEventBytes the most bytes a line or an event of a stream may have
	 * @param maxPartialText the most characters of a stream's text kept to report when it fails
	 * @param throttle how generations are throttled, or {@code null} for not at all
	 */
	public record Settings(String baseUrl, HttpHeaders defaultHeaders, Duration responseTimeout,
			Duration streamIdleTimeout, RetryPolicy retryPolicy, @Nullable RetryListener retryListener,
			ObservationRegistry observationRegistry, @Nullable CerebrasObservationConvention observationConvention,
			Duration nonStreamingDeadline, int maxEventBytes, int maxPartialText,
			@Nullable ThrottleSettings throttle) {

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
