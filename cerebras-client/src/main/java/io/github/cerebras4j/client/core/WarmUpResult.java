package io.github.cerebras4j.client.core;

import java.time.Duration;

/**
 * How a connection warm-up went: how many {@code GET /v1/tcp_warming} requests were sent, how many were answered
 * with a success, and how long they took together.
 *
 * @param attempted the requests sent, one per connection to open
 * @param succeeded the requests answered with a 2xx status
 * @param duration the time from the first request to the last answer or failure
 */
public record WarmUpResult(int attempted, int succeeded, Duration duration) {

	/**
	 * Tells whether every warm-up request succeeded.
	 * @return whether all connections were opened and answered
	 */
	public boolean isComplete() {
		return this.succeeded == this.attempted;
	}

}
