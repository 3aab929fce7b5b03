package io.github.cerebras4j.client.error;

import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A stream whose connection failed, or whose body ended, before the answer was complete: before
 * {@code data: [DONE]} and before any chunk carried a {@code finish_reason}. Such a stream is never retried once
 * a chunk reached the caller (the caller would see tokens twice); {@link #chunksReceived()},
 * {@link #partialText()} and {@link #usage()} say what arrived, so the caller can keep it or ask again. A stream
 * that fell silent is a {@link CerebrasTimeoutException} instead, with the same information.
 */
public final class CerebrasStreamInterruptedException extends CerebrasConnectionException {

	/**
	 * Creates the exception for a stream whose received text is not known here.
	 * @param message what happened, for example that the body ended in the middle of an event
	 * @param chunksReceived the number of chunks received before the stream stopped
	 * @param cause the transport's exception, or {@code null} when the body just ended
	 */
	public CerebrasStreamInterruptedException(String message, int chunksReceived, @Nullable Throwable cause) {
		this(message, chunksReceived, "", null, cause);
	}

	/**
	 * Creates the exception with what the caller received.
	 * @param message what happened
	 * @param chunksReceived the number of chunks that reached the caller
	 * @param partialText the generated text those chunks carried, joined
	 * @param usage the last usage received, or {@code null}
	 * @param cause the transport's exception, or {@code null} when the body just ended
	 */
	public CerebrasStreamInterruptedException(String message, int chunksReceived, String partialText,
			@Nullable Usage usage, @Nullable Throwable cause) {
		super(message, chunksReceived, partialText, usage, cause);
	}

}
