package io.github.cerebras4j.client.http;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.cerebras4j.client.observation.CerebrasObservationContext;
import io.micrometer.observation.Observation;

/**
 * The observation of one call, stopped exactly once: on success, on error or on cancellation, whichever comes first.
 * It is stopped before the caller hears of the end, so a caller that has its result sees a stopped observation, and
 * a cancellation after the end does not turn a success into a cancelled call.
 */
final class CallObservation {

	private final Observation observation;

	private final CerebrasObservationContext context;

	private final AtomicBoolean stopped = new AtomicBoolean();

	CallObservation(Observation observation, CerebrasObservationContext context) {
		this.observation = observation.start();
		this.context = context;
	}

	Observation observation() {
		return this.observation;
	}

	CerebrasObservationContext context() {
		return this.context;
	}

	void succeeded() {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.stop();
		}
	}

	void failed(Throwable error) {
		if (this.stopped.compareAndSet(false, true)) {
			this.observation.error(error);
			this.observation.stop();
		}
	}

	void cancelled() {
		if (this.stopped.compareAndSet(false, true)) {
			this.context.onCancel();
			this.observation.stop();
		}
	}

}
