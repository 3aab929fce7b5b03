package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this client throws; all are unchecked. An exception is built only from what the
 * server sent or from the transport failure, never from the request, so it never contains the API key.
 * <ul>
 * <li>{@link CerebrasApiException}: the server answered with an error status, or reported an error inside a
 * stream; one subclass per status the API documents.</li>
 * <li>{@link CerebrasConnectionException}: no usable response (connection refused or reset, TLS failure,
 * {@linkplain CerebrasTimeoutException timeout}, {@linkplain CerebrasStreamInterruptedException stream cut
 * short}).</li>
 * <li>{@link CerebrasMalformedResponseException}: a successful response whose body is not the JSON
 * expected.</li>
 * </ul>
 */
public class CerebrasException extends RuntimeException {

	/**
	 * Creates an exception with a message.
	 * @param message what went wrong
	 */
	public CerebrasException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 * @param message what went wrong
	 * @param cause the underlying failure, or {@code null}
	 */
	public CerebrasException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Shortens a text for a message: stripped, and cut to at most {@code maxChars} characters ending in
	 * {@code ...} when longer; never splits a surrogate pair.
	 */
	static String excerpt(String text, int maxChars) {
		String stripped = text.strip();
		if (stripped.length() <= maxChars) {
			return stripped;
		}
		int end = maxChars - 3;
		if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
			end--;
		}
		return stripped.substring(0, end) + "...";
	}

}
