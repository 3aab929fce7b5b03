package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A stream that ended before its {@code data: [DONE]} event, so the completion is incomplete.
 */
public final class CerebrasStreamInterruptedException extends CerebrasConnectionException {

	private final int eventsReceived;

	/**
	 * Creates the exception.
	 * @param message what happened, for example that the body ended in the middle of an event
	 * @param eventsReceived the number of events received before the stream ended
	 * @param cause the transport's exception, or {@code null} when the stream just ended
	 */
	public CerebrasStreamInterruptedException(String message, int eventsReceived, @Nullable Throwable cause) {
		super(message, cause);
		this.eventsReceived = eventsReceived;
	}

	/**
	 * Returns how many events arrived before the stream ended.
	 * @return the number of events received
	 */
	public int eventsReceived() {
		return this.eventsReceived;
	}

}
