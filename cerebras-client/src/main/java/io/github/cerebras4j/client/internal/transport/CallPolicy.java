package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import io.github.cerebras4j.client.core.Generation;
import io.github.cerebras4j.client.core.GenerationChunk;
import io.github.cerebras4j.client.core.RawResponse;
import io.github.cerebras4j.client.core.ResponseMetadata;
import io.github.cerebras4j.client.core.StreamResponse;
import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.github.cerebras4j.client.observation.CerebrasObservationConvention;
import io.github.cerebras4j.client.observation.CerebrasObservationDocumentation;
import io.github.cerebras4j.client.observation.DefaultCerebrasObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * The last stage of a call: wraps its attempts in the retry loop, the deadline and the observation. A call that
 * answers with one document is retried as the policy says and bounded by its deadline; a stream is retried only until
 * its first chunk reached the caller, and its response (status and headers of the attempt that answered) is emitted
 * with its first chunk.
 */
final class CallPolicy {

	private static final CerebrasObservationConvention DEFAULT_CONVENTION = new DefaultCerebrasObservationConvention();

	private final RetryLoop retryLoop;

	private final ObservationRegistry registry;

	private final @Nullable CerebrasObservationConvention convention;

	private final String serverAddress;

	private final @Nullable Duration deadline;

	private final Duration nonStreamingDeadline;

	private final int maxPartialText;

	/**
	 * Creates the policy of one view of the transport.
	 * @param retryLoop the retries
	 * @param registry where calls are observed
	 * @param convention the observation convention, or {@code null} for the default
	 * @param serverAddress the API's host, for the observation
	 * @param deadline the deadline the options set for every call, or {@code null}
	 * @param nonStreamingDeadline the deadline of a call that is not a stream when the options set none
	 * @param maxPartialText the most characters of a failed stream's text kept for its exception
	 */
	CallPolicy(RetryLoop retryLoop, ObservationRegistry registry, @Nullable CerebrasObservationConvention convention,
			String serverAddress, @Nullable Duration deadline, Duration nonStreamingDeadline, int maxPartialText) {
		this.retryLoop = retryLoop;
		this.registry = registry;
		this.convention = convention;
		this.serverAddress = serverAddress;
		this.deadline = deadline;
		this.nonStreamingDeadline = nonStreamingDeadline;
		this.maxPartialText = maxPartialText;
	}

	/**
	 * Makes a call that answers with one document.
	 * @param call the call
	 * @param attempt sends one attempt, given the number of retries taken before it
	 * @param <T> the type of the document
	 * @return the response, sent on subscription
	 */
	<T> Mono<RawResponse<T>> exchange(ApiCall call, IntFunction<Mono<RawResponse<T>>> attempt) {
		Duration limit = (this.deadline != null) ? this.deadline : this.nonStreamingDeadline;
		return Mono.deferContextual(subscriber -> {
			CallObservation observed = observe(call, false, subscriber);
			AtomicInteger attempts = new AtomicInteger();
			Mono<RawResponse<T>> response = Mono.defer(() -> attempt.apply(attempts.getAndIncrement()))
				.retryWhen(this.retryLoop.spec(call.name(), () -> true, observed.context()::onRetry))
				.doOnNext(raw -> {
					this.retryLoop.succeeded(call.name(), raw.retriesTaken(), raw);
					observed.context().onResponse(raw.metadata());
					if (raw.getBody() instanceof Generation generation) {
						observed.context().onGeneration(generation);
					}
				});
			// the usual deadline of ten minutes runs on a coarse timer: one that is almost never reached should
			// cost next to nothing to start and cancel
			response = ((this.deadline != null) ? response.timeout(this.deadline)
					: response.timeout(CoarseTimer.after(limit)))
				.onErrorMap(TimeoutException.class, ex -> TransportFailures.deadlineExceeded(call, limit, ex));
			return observed.around(response);
		});
	}

	/**
	 * Makes a call that answers with a stream of chunks.
	 * @param call the call
	 * @param attempt sends one attempt, given the number of retries taken before it and told the response's status and
	 * headers when a successful one starts
	 * @param gracePeriod how long the response's chunks wait for their subscriber, or {@code null} for a caller that
	 * takes them as soon as it has the response
	 * @param <K> the chunk type
	 * @return the response, emitted with the first chunk (or the clean end of a stream without chunks)
	 */
	<K extends GenerationChunk> Mono<StreamResponse<K>> stream(ApiCall call, StreamAttempt<K> attempt,
			@Nullable Duration gracePeriod) {
		return Mono.deferContextual(subscriber -> {
			CallObservation observed = observe(call, true, subscriber);
			StreamProgress progress = new StreamProgress(observed.context(), this.maxPartialText);
			// the response of the latest attempt: the one whose chunks (or clean end) the caller gets first
			AtomicReference<ResponseMetadata> answered = new AtomicReference<>();
			AtomicInteger attempts = new AtomicInteger();
			Flux<K> chunks = Flux.defer(() -> attempt.send(attempts.getAndIncrement(), answered::set))
				.retryWhen(this.retryLoop.spec(call.name(), progress::nothingDelivered, observed.context()::onRetry));
			if (this.deadline != null) {
				chunks = withDeadline(chunks, this.deadline, call);
			}
			chunks = observed.around(chunks.doOnNext(progress::record).onErrorMap(progress::interrupted));
			return StreamResponses.of(chunks, () -> {
				ResponseMetadata response = answered.get();
				if (response != null) {
					this.retryLoop.succeeded(call.name(), response.retriesTaken(), response);
					observed.context().onResponse(response);
				}
				return response;
			}, gracePeriod);
		});
	}

	/**
	 * Fails the stream with a timeout once the deadline passes; a stream that ends before stops the timer. The error
	 * goes through the stream's progress, so a deadline after the first chunk reports what was received.
	 */
	private static <T> Flux<T> withDeadline(Flux<T> chunks, Duration deadline, ApiCall call) {
		Sinks.Empty<Void> ended = Sinks.empty();
		Mono<T> timer = Mono.delay(deadline)
			.<T>flatMap(tick -> Mono.error(TransportFailures.deadlineExceeded(call, deadline, null)))
			.takeUntilOther(ended.asMono());
		return chunks.doOnTerminate(ended::tryEmitEmpty).mergeWith(timer);
	}

	/**
	 * Creates the observation of a call; its parent is the observation in the subscriber's Reactor context (a tool
	 * run, an application's own), else the current one of the subscribing thread.
	 */
	private CallObservation observe(ApiCall call, boolean streaming, ContextView subscriber) {
		CerebrasObservationContext context = new CerebrasObservationContext(call.operation(), call.model(), streaming,
				this.serverAddress);
		Observation observation = CerebrasObservationDocumentation.CLIENT_OPERATION.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		Observation parent = subscriber.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		if (parent != null && !observation.isNoop()) {
			observation.parentObservation(parent);
		}
		return new CallObservation(observation, context, call.name());
	}

	/**
	 * One attempt of a stream.
	 *
	 * @param <K> the chunk type
	 */
	@FunctionalInterface
	interface StreamAttempt<K> {

		/**
		 * Sends the attempt.
		 * @param retriesTaken the retries before this attempt
		 * @param onResponse told the status and headers once a successful response starts, before its chunks
		 * @return the chunks of this attempt
		 */
		Flux<K> send(int retriesTaken, Consumer<ResponseMetadata> onResponse);

	}

}
