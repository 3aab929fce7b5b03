package io.github.cerebras4j.client.error;

import org.jspecify.annotations.Nullable;

/**
 * A successful response body, or an event of a stream, that is not the JSON expected. Keeps the parser's
 * exception as the cause and the start of the offending text.
 */
public final class CerebrasMalformedResponseException extends CerebrasException {

	private static final int MAX_EXCERPT = 200;

	/** The start of the offending text, stripped; {@code null} when it is not known. */
	private final @Nullable String excerpt;

	/**
	 * Creates the exception; the message ends with the excerpt of the text.
	 * @param message what could not be read, for example {@code "Could not decode a chat completion chunk"}
	 * @param text the offending text, or {@code null} when it is not known
	 * @param cause the parser's exception, or {@code null}
	 */
	public CerebrasMalformedResponseException(String message, @Nullable String text, @Nullable Throwable cause) {
		super(withExcerpt(message, text), cause);
		this.excerpt = (text != null) ? excerpt(text, MAX_EXCERPT) : null;
	}

	/**
	 * Returns the start of the offending text, stripped.
	 * @return at most 200 characters of the text, or {@code null} when it is not known
	 */
	public @Nullable String excerpt() {
		return this.excerpt;
	}

	private static String withExcerpt(String message, @Nullable String text) {
		if (text == null) {
			return message;
		}
		return text.isBlank() ? message + " (empty)" : message + ": " + excerpt(text, MAX_EXCERPT);
	}

}
