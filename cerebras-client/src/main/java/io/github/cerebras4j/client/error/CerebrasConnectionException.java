package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * No usable HTTP response: the connection was refused or reset, TLS failed, the response was cut short. The
 * transport's exception is kept as the cause. Retried by the default retry policy as long as nothing has
 * reached the caller yet.
 */
public class CerebrasConnectionException extends CerebrasException {

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param cause the transport's exception, or {@code null}
	 */
	public CerebrasConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
