package io.github.cerebras4j.client.error;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

/**
 * A successful reply whose text is not the JSON of the type asked for: not JSON at all, cut short, missing a
 * property, with a property the type does not have, or with a value of the wrong kind. The completion itself was
 * received and decoded; only reading its content into the Java type failed. Keeps the whole raw text and the
 * parser's exception as the cause.
 */
public class CerebrasStructuredOutputException extends CerebrasException {

	private static final int MAX_EXCERPT = 200;

	/** The text the model answered, unchanged; {@code null} when the reply had no content. */
	private final @Nullable String rawText;

	/** The Java type the text was to be read into. */
	private final Type targetType;

	/**
	 * Creates the exception; the message names the type and ends with the start of the text.
	 * @param targetType the Java type the text was to be read into
	 * @param rawText the text the model answered, or {@code null} when the reply had no content
	 * @param cause the parser's exception, or {@code null}
	 */
	public CerebrasStructuredOutputException(Type targetType, @Nullable String rawText, @Nullable Throwable cause) {
		super(message(targetType, rawText, cause), cause);
		this.targetType = targetType;
		this.rawText = rawText;
	}

	/**
	 * Returns the text the model answered, unchanged.
	 * @return the raw text, or {@code null} when the reply had no content
	 */
	public @Nullable String rawText() {
		return this.rawText;
	}

	/**
	 * Returns the Java type the text was to be read into.
	 * @return the target type
	 */
	public Type targetType() {
		return this.targetType;
	}

	private static String message(Type targetType, @Nullable String rawText, @Nullable Throwable cause) {
		String message = "Could not read the reply as " + targetType.getTypeName();
		if (cause != null && cause.getMessage() != null) {
			message += " (" + excerpt(cause.getMessage().lines().findFirst().orElse(""), MAX_EXCERPT) + ")";
		}
		if (rawText == null) {
			return message + ": the reply has no content";
		}
		return rawText.isBlank() ? message + ": the reply is empty" : message + ": " + excerpt(rawText, MAX_EXCERPT);
	}

}
