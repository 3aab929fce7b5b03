package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No connection of the client's pool became free within its pending-acquire timeout: the application has more
 * calls in flight than the pool has connections. Nothing was sent; the server is not the cause, so the default
 * retry policy does not retry it (a retry would wait for the same busy pool). Raise the pool's size, lower the
 * concurrency, or queue the calls.
 */
public final class CerebrasPoolTimeoutException extends CerebrasTimeoutException {

	/**
	 * Creates the exception.
	 * @param message what timed out
	 * @param cause the pool's exception
	 */
	public CerebrasPoolTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
