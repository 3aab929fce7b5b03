package io.github.cerebras4j.client.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The range checks shared by the generation requests, each throwing an {@link IllegalArgumentException} whose
 * message starts with the JSON field name and says what is allowed. Used by the request records' constructors, so
 * a request that exists is valid.
 */
public final class RequestChecks {

	/** The most stop sequences the API accepts. */
	public static final int MAX_STOP_SEQUENCES = 4;

	private RequestChecks() {
	}

	/**
	 * Checks the model id.
	 * @param model the model id
	 * @return the model id
	 */
	public static String model(@Nullable String model) {
		if (model == null || model.isBlank()) {
			throw new IllegalArgumentException("model must not be blank, for example \"llama3.1-8b\"");
		}
		return model;
	}

	/**
	 * Checks that a number, when set, lies in a closed range.
	 * @param field the JSON field name
	 * @param value the value, or {@code null} when not set
	 * @param min the smallest value allowed
	 * @param max the largest value allowed
	 */
	public static void between(String field, @Nullable Double value, int min, int max) {
		if (value != null && !(value >= min && value <= max)) {
			throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
		}
	}

	/**
	 * Checks that an integer, when set, lies in a closed range.
	 * @param field the JSON field name
	 * @param value the value, or {@code null} when not set
	 * @param min the smallest value allowed
	 * @param max the largest value allowed
	 */
	public static void between(String field, @Nullable Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
		}
	}

	/**
	 * Checks that an integer, when set, is at least a minimum.
	 * @param field the JSON field name
	 * @param value the value, or {@code null} when not set
	 * @param min the smallest value allowed
	 */
	public static void atLeast(String field, @Nullable Integer value, int min) {
		if (value != null && value < min) {
			throw new IllegalArgumentException(field + " must be at least " + min + ", was " + value);
		}
	}

	/**
	 * Checks logit biases (token ids present, biases from -100 to 100) and copies them.
	 * @param logitBias the biases, or {@code null} when not set
	 * @return an unmodifiable copy, or {@code null}
	 */
	public static @Nullable Map<String, Integer> logitBias(@Nullable Map<String, Integer> logitBias) {
		if (logitBias == null) {
			return null;
		}
		logitBias.forEach((tokenId, bias) -> {
			if (tokenId == null || tokenId.isBlank()) {
				throw new IllegalArgumentException("logit_bias token ids must not be blank");
			}
			if (bias == null || bias < -100 || bias > 100) {
				throw new IllegalArgumentException(
						"logit_bias values must be between -100 and 100, was " + bias + " for token " + tokenId);
			}
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(logitBias));
	}

	/**
	 * Checks stop sequences (1 to {@value #MAX_STOP_SEQUENCES}, none empty) and copies them.
	 * @param stop the sequences, or {@code null} when not set
	 * @return an unmodifiable copy, or {@code null}
	 */
	public static @Nullable List<String> stop(@Nullable List<String> stop) {
		if (stop == null) {
			return null;
		}
		if (stop.isEmpty() || stop.size() > MAX_STOP_SEQUENCES) {
			throw new IllegalArgumentException(
					"stop must hold 1 to " + MAX_STOP_SEQUENCES + " sequences, had " + stop.size());
		}
		for (String sequence : stop) {
			if (sequence == null || sequence.isEmpty()) {
				throw new IllegalArgumentException("stop sequences must not be null or empty, was " + stop);
			}
		}
		return List.copyOf(stop);
	}

	/**
	 * Copies the extra body fields, keeping {@code null} values (sent as JSON {@code null}).
	 * @param extraBody the fields, or {@code null}
	 * @return an unmodifiable copy, empty when none
	 */
	public static Map<String, @Nullable Object> extraBody(@Nullable Map<String, @Nullable Object> extraBody) {
		return (extraBody == null || extraBody.isEmpty()) ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(extraBody));
	}

}
