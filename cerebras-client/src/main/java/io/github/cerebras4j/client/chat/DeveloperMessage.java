package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Instructions for the model, written with role {@code developer}; some models treat it like a system message.
 *
 * @param content the content, text or parts
 * @param name an optional name of the participant
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeveloperMessage(MessageContent content, @Nullable String name) implements ChatMessage {

	/**
	 * Creates a developer message.
	 * @param content the content, text or parts
	 * @param name an optional name of the participant
	 * @throws IllegalArgumentException if {@code content} is {@code null}
	 */
	public DeveloperMessage {
		if (content == null) {
			throw new IllegalArgumentException("content of a developer message must not be null");
		}
	}

}
