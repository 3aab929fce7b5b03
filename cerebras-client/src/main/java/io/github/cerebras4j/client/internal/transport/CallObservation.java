package io.github.cerebras4j.client.internal.transport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The observation of one call, stopped exactly once: on success, on error or on cancellation, whichever comes first.
 * It is stopped before the caller hears of the end, so a caller that has its result sees a stopped observation, and
 * a cancellation after the end does not turn a success into a cancelled call. The end is also logged, see
 * {@link WireLog}.
 */
final class CallObservation {

	private final Observation observation;

	private final CerebrasObservationContext context;

	private final String name;

	private final long startNanos = System.nanoTime();

	private final AtomicBoolean stopped = new AtomicBoolean();

	CallObservation(Observation observation, CerebrasObservationContext context, String name) {
		this.observation = observation.start();
		this.context = context;
		this.name = name;
	}

	/**
	 * Observes a call's result: stops the observation when it ends, however it ends, and makes the observation the
	 * current one for what runs inside it (WebClient's own observation becomes its child).
	 * @param result the result of the call
	 * @param <T> the result type
	 * @return the observed result
	 */
	<T> Mono<T> around(Mono<T> result) {
		return result.doOnSuccess(value -> succeeded())
			.doOnError(this::failed)
			.doOnCancel(this::cancelled)
			.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, this.observation));
	}

	/**
	 * Observes a stream: stops the observation when it ends, however it ends, and makes the observation the current
	 * one for what runs inside it.
	 * @param chunks the stream
	 * @param <T> the chunk type
	 * @return the observed stream
	 */
	<T> Flux<T> around(Flux<T> chunks) {
		return chunks.doOnComplete(this::succeeded)
			.doOnError(this::failed)
			.doOnCancel(this::cancelled)
			.contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, this.observation));
	}

	CerebrasObservationContext context() {
		return this.context;
	}

	private void succeeded() {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.stop();
			log(null);
		}
	}

	private void failed(Throwable error) {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.error(error);
			this.observation.stop();
			log(error);
		}
	}

	private void cancelled() {
		if (this.stopped.compareAndSet(false, true)) {
			this.context.onCancel();
			this.observation.stop();
			log(null);
		}
	}

	private void log(@Nullable Throwable error) {
		WireLog.completed(this.context, this.name, error, Duration.ofNanos(System.nanoTime() - this.startNanos));
	}

}
