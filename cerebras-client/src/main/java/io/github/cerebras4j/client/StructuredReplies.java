package io.github.cerebras4j.client;

import java.lang.reflect.Type;

import io.github.cerebras4j.client.error.CerebrasStructuredOutputException;
import io.github.cerebras4j.client.internal.JsonSchemas;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Reads a model's JSON text into a Java type, turning every failure into a
 * {@link CerebrasStructuredOutputException} that keeps the text.
 */
final class StructuredReplies {

	private StructuredReplies() {
	}

	/**
	 * Reads a text strictly into a type.
	 * @param text the text, or {@code null} when the reply had none
	 * @param type the type
	 * @param <T> the type
	 * @return the value
	 * @throws CerebrasStructuredOutputException when the text is missing or does not match the type
	 */
	static <T> T read(@Nullable String text, Type type) {
		if (text == null) {
			throw new CerebrasStructuredOutputException(type, null, null);
		}
		try {
			return JsonSchemas.read(text, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new CerebrasStructuredOutputException(type, text, ex);
		}
	}

}
