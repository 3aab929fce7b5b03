package io.github.cerebras4j.client.error;

import io.github.cerebras4j.client.core.Usage;
import org.jspecify.annotations.Nullable;

/**
 * A timeout: connecting, waiting for the response headers, waiting for the next chunk of a stream, waiting for a
 * free connection of the pool, or the call's deadline took longer than configured. A stream that fell silent
 * after some chunks is also this exception, with {@link #chunksReceived()} above zero and the text received in
 * {@link #partialText()}.
 */
public class CerebrasTimeoutException extends CerebrasConnectionException {

	/**
	 * Creates the exception for a timeout before anything was received.
	 * @param message which timeout expired, and after how long
	 * @param cause the transport's timeout exception, or {@code null}
	 */
	public CerebrasTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Creates the exception for a stream that timed out after some chunks.
	 * @param message which timeout expired, and after how long
	 * @param chunksReceived the number of chunks that reached the caller
	 * @param partialText the generated text those chunks carried
	 * @param usage the last usage received, or {@code null}
	 * @param cause the transport's timeout exception, or {@code null}
	 */
	public CerebrasTimeoutException(String message, int chunksReceived, String partialText, @Nullable Usage usage,
			@Nullable Throwable cause) {
		super(message, chunksReceived, partialText, usage, cause);
	}

}
