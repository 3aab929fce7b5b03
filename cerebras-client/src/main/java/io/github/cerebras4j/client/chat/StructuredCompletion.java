package io.github.cerebras4j.client.chat;

import org.springframework.util.Assert;

/**
 * A chat completion whose answer was read into a Java type, from
 * {@code chat().completions().create(request, type)}.
 *
 * @param value the answer, read from the first choice's content
 * @param completion the whole completion: usage, timing, finish reason and the raw text
 * @param <T> the type of the answer
 */
public record StructuredCompletion<T>(T value, ChatCompletion completion) {

	/**
	 * Creates a structured completion.
	 * @param value the answer, read from the first choice's content
	 * @param completion the whole completion: usage, timing, finish reason and the raw text
	 * @throws IllegalArgumentException if {@code value} or {@code completion} is {@code null}
	 */
	public StructuredCompletion {
		Assert.notNull(value, "'value' must not be null");
		Assert.notNull(completion, "'completion' must not be null");
	}

}
