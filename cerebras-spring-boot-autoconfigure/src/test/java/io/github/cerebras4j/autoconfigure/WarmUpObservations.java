package io.github.cerebras4j.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches a template's connection warm-ups through their observation, {@code cerebras.client.warmup}: a warm-up
 * starts its observation at once, on the thread that asks for it, and stops it once every warming request has
 * answered or failed. So a test knows without waiting whether a warm-up was started, and when one has ended, and can
 * note its own steps among the warm-ups' to check their order. Give {@link #registry()} to the context as its
 * {@link ObservationRegistry}.
 */
final class WarmUpObservations implements ObservationHandler<Observation.Context> {

	static final String STARTED = "warm-up started";

	static final String ENDED = "warm-up ended";

	private static final Duration NO_HANG = Duration.ofSeconds(10);

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final Semaphore ended = new Semaphore(0);

	WarmUpObservations() {
		this.registry.observationConfig().observationHandler(this);
	}

	ObservationRegistry registry() {
		return this.registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return "cerebras.client.warmup".equals(context.getName());
	}

	@Override
	public void onStart(Observation.Context context) {
		this.events.add(STARTED);
	}

	@Override
	public void onStop(Observation.Context context) {
		this.events.add(ENDED);
		this.ended.release();
	}

	/**
	 * Notes a step of the test among the warm-ups' events.
	 * @param step what the test did
	 */
	void note(String step) {
		this.events.add(step);
	}

	/**
	 * Returns the warm-ups' events and the test's steps, in the order they happened.
	 * @return the events
	 */
	List<String> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Waits until a warm-up has ended; a hang guard fails a test whose warm-up never ends.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitEnd() throws InterruptedException {
		assertThat(this.ended.tryAcquire(NO_HANG.toMillis(), TimeUnit.MILLISECONDS)).as("a warm-up ended").isTrue();
	}

}
