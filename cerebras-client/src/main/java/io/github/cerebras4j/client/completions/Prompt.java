package io.github.cerebras4j.client.completions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import tools.jackson.databind.JsonNode;

/**
 * The {@code prompt} of a text completion, in one of the four forms the API accepts: a string, several
 * strings, token ids, or several arrays of token ids. Each form is written as its bare JSON value.
 * An empty string is a valid prompt; an empty list is not.
 */
public sealed interface Prompt permits Prompt.Text, Prompt.Texts, Prompt.Tokens, Prompt.TokenBatches {

	/**
	 * A prompt given as one string.
	 * @param text the prompt text
	 * @return the prompt, written as a JSON string
	 */
	static Prompt of(String text) {
		return new Text(text);
	}

	/**
	 * A batch of prompts given as strings. A call with one string resolves to {@link #of(String)}; use
	 * {@link #texts(List)} for a batch of one.
	 * @param texts the prompt texts, at least one
	 * @return the prompt, written as an array of strings
	 */
	static Prompt of(String... texts) {
		return new Texts(Arrays.asList(texts));
	}

	/**
	 * A batch of prompts given as strings.
	 * @param texts the prompt texts, at least one
	 * @return the prompt, written as an array of strings
	 */
	static Prompt texts(List<String> texts) {
		return new Texts(texts);
	}

	/**
	 * A prompt given as token ids.
	 * @param tokenIds the token ids, at least one
	 * @return the prompt, written as an array of integers
	 */
	static Prompt tokens(int... tokenIds) {
		return new Tokens(Arrays.stream(tokenIds).boxed().toList());
	}

	/**
	 * A batch of prompts given as token ids.
	 * @param batches the token ids of each prompt, at least one non-empty array
	 * @return the prompt, written as an array of integer arrays
	 */
	static Prompt tokenBatches(List<List<Integer>> batches) {
		return new TokenBatches(batches);
	}

	/**
	 * Reads a prompt in any of its four JSON forms, picking the form by the JSON's shape; Jackson calls it.
	 * @param json a string, an array of strings, an array of integers or an array of integer arrays
	 * @return the prompt
	 * @throws IllegalArgumentException if the JSON has none of the four shapes
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	static Prompt fromJson(JsonNode json) {
		if (json.isString()) {
			return new Text(json.stringValue());
		}
		if (!json.isArray() || json.isEmpty() || json.get(0).isString()) {
			return new Texts(strings(json));
		}
		if (json.get(0).isArray()) {
			List<List<Integer>> batches = new ArrayList<>();
			for (JsonNode batch : json.values()) {
				batches.add(integers(batch));
			}
			return new TokenBatches(batches);
		}
		return new Tokens(integers(json));
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		for (JsonNode element : array.values()) {
			if (!element.isString()) {
				throw invalidJson();
			}
			strings.add(element.stringValue());
		}
		return strings;
	}

	private static List<Integer> integers(JsonNode array) {
		List<Integer> integers = new ArrayList<>();
		for (JsonNode element : array.values()) {
			if (!element.isIntegralNumber() || !element.canConvertToInt()) {
				throw invalidJson();
			}
			integers.add(element.intValue());
		}
		return integers;
	}

	private static IllegalArgumentException invalidJson() {
		return new IllegalArgumentException(
				"prompt must be a string, an array of strings, an array of token ids or an array of token id arrays");
	}

	/**
	 * A prompt given as one string.
	 *
	 * @param text the prompt text, may be empty
	 */
	record Text(@JsonValue String text) implements Prompt {

		/**
		 * Creates a prompt of one string.
		 * @param text the prompt text, may be empty
		 * @throws IllegalArgumentException if {@code text} is {@code null}
		 */
		public Text {
			if (text == null) {
				throw new IllegalArgumentException("prompt must not be null");
			}
		}

	}

	/**
	 * A batch of prompts given as strings; the API completes each.
	 *
	 * @param texts the prompt texts, at least one
	 */
	record Texts(@JsonValue List<String> texts) implements Prompt {

		/**
		 * Creates a prompt of several strings; {@code texts} is kept as an unmodifiable copy.
		 * @param texts the prompt texts, at least one
		 * @throws IllegalArgumentException if {@code texts} is {@code null}, empty or contains {@code null}
		 */
		public Texts {
			texts = nonEmptyCopy(texts, "strings");
		}

	}

	/**
	 * A prompt given as token ids.
	 *
	 * @param tokenIds the token ids, at least one
	 */
	record Tokens(@JsonValue List<Integer> tokenIds) implements Prompt {

		/**
		 * Creates a prompt of token ids; {@code tokenIds} is kept as an unmodifiable copy.
		 * @param tokenIds the token ids, at least one
		 * @throws IllegalArgumentException if {@code tokenIds} is {@code null}, empty or contains {@code null}
		 */
		public Tokens {
			tokenIds = nonEmptyCopy(tokenIds, "token ids");
		}

	}

	/**
	 * A batch of prompts given as token ids; the API completes each.
	 *
	 * @param batches the token ids of each prompt, at least one array, none empty
	 */
	record TokenBatches(@JsonValue List<List<Integer>> batches) implements Prompt {

		/**
		 * Creates a prompt of several arrays of token ids; {@code batches} and each batch are kept as unmodifiable
		 * copies.
		 * @param batches the token ids of each prompt, at least one array, none empty
		 * @throws IllegalArgumentException if {@code batches} or one of its batches is {@code null}, empty or contains
		 * {@code null}
		 */
		public TokenBatches {
			batches = nonEmptyCopy(batches, "token id arrays").stream()
				.map((batch) -> nonEmptyCopy(batch, "token ids"))
				.toList();
		}

	}

	private static <T> List<T> nonEmptyCopy(List<T> list, String what) {
		if (list == null || list.isEmpty()) {
			throw new IllegalArgumentException("prompt must not be an empty list of " + what);
		}
		if (list.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("prompt " + what + " must not be null");
		}
		return List.copyOf(list);
	}

}
