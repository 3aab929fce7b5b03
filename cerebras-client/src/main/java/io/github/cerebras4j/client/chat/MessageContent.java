package io.github.cerebras4j.client.chat;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The content of a message: either plain text, written as a JSON string, or a list of content parts, written
 * as a JSON array. Reads back from either form.
 */
public sealed interface MessageContent {

	/**
	 * Creates text content.
	 * @param text the text
	 * @return content written as a JSON string
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static MessageContent text(String text) {
		return new Text(text);
	}

	/**
	 * Creates content made of parts, for example text and images.
	 * @param parts the parts, at least one
	 * @return content written as a JSON array
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static MessageContent parts(List<ContentPart> parts) {
		return new Parts(parts);
	}

	/**
	 * Content that is plain text.
	 *
	 * @param text the text, written as a JSON string
	 */
	record Text(@JsonValue String text) implements MessageContent {

		/**
		 * Creates text content.
		 * @param text the text, written as a JSON string
		 * @throws IllegalArgumentException if {@code text} is {@code null}
		 */
		public Text {
			if (text == null) {
				throw new IllegalArgumentException("content text must not be null");
			}
		}

	}

	/**
	 * Content made of parts.
	 *
	 * @param parts the parts, written as a JSON array
	 */
	record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {

		/**
		 * Creates content of parts; {@code parts} is kept as an unmodifiable copy.
		 * @param parts the parts, written as a JSON array
		 * @throws IllegalArgumentException if {@code parts} is {@code null}, empty or contains {@code null}
		 */
		public Parts {
			if (parts == null || parts.isEmpty()) {
				throw new IllegalArgumentException("content parts must not be empty");
			}
			if (parts.stream().anyMatch(Objects::isNull)) {
				throw new IllegalArgumentException("content parts must not contain null");
			}
			parts = List.copyOf(parts);
		}

	}

}
