package io.github.cerebras4j.test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A clock that stands still until a test moves it on, so that rate-limit windows end when the test says.
 */
final class MutableClock implements InstantSource {

	private volatile Instant now;

	MutableClock(Instant now) {
		this.now = now;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

}
