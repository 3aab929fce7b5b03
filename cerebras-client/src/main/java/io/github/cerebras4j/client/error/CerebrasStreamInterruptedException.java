package io.github.cerebras4j.client.error;

import io.github.cerebras4j.client.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A stream that stopped before its {@code data: [DONE]} event: the body ended early, or the connection failed or
 * fell silent after chunks had reached the caller. Such a stream is never retried (the caller would see tokens
 * twice); this exception carries what arrived, so the caller can keep it or ask again.
 */
public final class CerebrasStreamInterruptedException extends CerebrasConnectionException {

	private final int chunksReceived;

	private final String partialText;

	private final @Nullable Usage usage;

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
		super(message, cause);
		this.chunksReceived = chunksReceived;
		this.partialText = partialText;
		this.usage = usage;
	}

	/**
	 * Returns how many chunks arrived before the stream stopped.
	 * @return the number of chunks received
	 */
	public int chunksReceived() {
		return this.chunksReceived;
	}

	/**
	 * Returns the generated text the received chunks carried (for chat, their content).
	 * @return the text so far, empty when none
	 */
	public String partialText() {
		return this.partialText;
	}

	/**
	 * Returns the last usage received; usage usually arrives with the final chunk, so mostly {@code null}.
	 * @return the usage, or {@code null}
	 */
	public @Nullable Usage usage() {
		return this.usage;
	}

}
