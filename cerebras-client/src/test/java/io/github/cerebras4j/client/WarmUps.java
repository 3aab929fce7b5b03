package io.github.cerebras4j.client;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches a template's connection warm-ups through their observation, {@value #NAME}: a warm-up starts its
 * observation at once, on the thread that asks for it (the one calling {@code build()} for the warm-up at build
 * time), and stops it once every warming request has answered or failed. So a test knows without waiting whether a
 * warm-up was started, and when one has ended; it can note its own steps among the warm-ups' to check their order.
 * Give {@link #registry()} to the builder.
 */
final class WarmUps implements ObservationHandler<Observation.Context> {

	/** The name of a warm-up's observation. */
	static final String NAME = ConnectionWarmer.OBSERVATION_NAME;

	private final ObservationRegistry registry = ObservationRegistry.create();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final Semaphore stopped = new Semaphore(0);

	WarmUps() {
		this.registry.observationConfig().observationHandler(this);
	}

	ObservationRegistry registry() {
		return this.registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return NAME.equals(context.getName());
	}

	@Override
	public void onStart(Observation.Context context) {
		this.events.add("warm-up started");
	}

	@Override
	public void onStop(Observation.Context context) {
		this.events.add("warm-up ended");
		this.stopped.release();
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
	 * Returns how many warm-ups were started.
	 * @return the number of warm-ups
	 */
	long started() {
		return this.events.stream().filter("warm-up started"::equals).count();
	}

	/**
	 * Waits until a warm-up has ended; a hang guard of 10 s fails a test whose warm-up never ends.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void awaitEnd() throws InterruptedException {
		assertThat(this.stopped.tryAcquire(10, TimeUnit.SECONDS)).as("a warm-up ended").isTrue();
	}

}
