package io.github.cerebras4j.client.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a reasoning model's reasoning is returned ({@code reasoning_format}).
 */
public enum ReasoningFormat {

	/** The model's default. */
	NONE("none"),

	/** In the message's {@code reasoning} field, its logprobs in {@code reasoning_logprobs}. */
	PARSED("parsed"),

	/** Like {@link #PARSED}, but logprobs are not split off into {@code reasoning_logprobs}. */
	TEXT_PARSED("text_parsed"),

	/** Inside {@code content}, between the model's special tokens. */
	RAW("raw"),

	/** Not returned. */
	HIDDEN("hidden");

	private final String value;

	ReasoningFormat(String value) {
		this.value = value;
	}

	/**
	 * Returns the value sent on the wire.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

}
