package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Instructions for the model, written with role {@code system}.
 *
 * @param content the content, text or parts
 * @param name an optional name of the participant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SystemMessage(MessageContent content, @Nullable String name) implements ChatMessage {

	/**
	 * Creates a system message.
	 * @param content the content, text or parts
	 * @param name an optional name of the participant
	 * @throws IllegalArgumentException if {@code content} is {@code null}
	 */
	public SystemMessage {
		if (content == null) {
			throw new IllegalArgumentException("content of a system message must not be null");
		}
	}

}
