package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A message of the user, written with role {@code user}.
 *
 * @param content the content, text or parts
 * @param name an optional name of the participant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserMessage(MessageContent content, @Nullable String name) implements ChatMessage {

	/**
	 * Creates a user message.
	 * @param content the content, text or parts
	 * @param name an optional name of the participant
	 * @throws IllegalArgumentException if {@code content} is {@code null}
	 */
	public UserMessage {
		if (content == null) {
			throw new IllegalArgumentException("content of a user message must not be null");
		}
	}

}
