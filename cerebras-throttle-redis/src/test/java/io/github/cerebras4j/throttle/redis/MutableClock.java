package io.github.cerebras4j.throttle.redis;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests move: the windows of the stores under test, the times they write to Redis and the retries of Redis follow
 * it, so that no test waits for a window to pass.
 */
public final class MutableClock implements InstantSource {

	private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

	@Override
	public Instant instant() {
		return this.now.get();
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

}
