package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A stream that ended before its {@code data: [DONE]} event, so the completion is incomplete.
 */
public final class CerebrasStreamInterruptedException extends CerebrasConnectionException {

	private final int eventsReceived;

	/**
	 * Creates the exception; the message says how many events arrived and, if there is a cause, its message.
	 * @param eventsReceived the number of events received before the stream ended
	 * @param cause the transport's exception, or {@code null} when the stream just ended
	 */
	public CerebrasStreamInterruptedException(int eventsReceived, @Nullable Throwable cause) {
		super("The stream ended before data: [DONE], after " + eventsReceived + " event(s)"
				+ ((cause != null) ? ": " + cause : ""), cause);
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
