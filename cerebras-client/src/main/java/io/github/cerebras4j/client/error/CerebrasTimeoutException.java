package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A timeout: connecting, waiting for the response headers, or waiting for the next chunk of a stream took
 * longer than configured.
 */
public final class CerebrasTimeoutException extends CerebrasConnectionException {

	/**
	 * Creates the exception.
	 * @param message which timeout expired, and after how long
	 * @param cause the transport's timeout exception, or {@code null}
	 */
	public CerebrasTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
